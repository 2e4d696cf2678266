/** Body checks: size (the rule maxBodyBytes: its code above the configured limit) and JSON (JSON_PARSE_ERROR when empty or invalid). */
import { ErrorCodes } from '../../errors/index.ts';
import { rules } from '../../rules/index.ts';
import { fail, type Reply } from '../reply.ts';

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

export function parseBody(raw: Buffer, size: number, maxBytes: number): BodyResult {
  if (size > maxBytes) return { ok: false, reply: fail(rules.maxBodyBytes.code, `request body larger than ${maxBytes} bytes`) };
  if (size === 0) return { ok: false, reply: fail(ErrorCodes.JSON_PARSE_ERROR, 'request body is empty; send {} when nothing is needed') };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false, reply: fail(ErrorCodes.JSON_PARSE_ERROR, 'request body is not valid JSON') };
  }
}
