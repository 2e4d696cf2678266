/** Body checks: size (HTTP_PARSE_ERROR above maxBodyBytes) and JSON (JSON_PARSE_ERROR when empty or invalid). */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, type Reply } from '../reply.ts';

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

export function parseBody(raw: Buffer, size: number, maxBytes: number): BodyResult {
  if (size > maxBytes) return { ok: false, reply: fail(ErrorCodes.HTTP_PARSE_ERROR, `request body larger than ${maxBytes} bytes`) };
  if (size === 0) return { ok: false, reply: fail(ErrorCodes.JSON_PARSE_ERROR, 'request body is empty; send {} when nothing is needed') };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false, reply: fail(ErrorCodes.JSON_PARSE_ERROR, 'request body is not valid JSON') };
  }
}
