/**
 * What one answer says. HTTP status is 200 for every API error; the verdict is in the body
 * (ActionStatus, ErrorCode, per-item ResultCode). Transport errors and non-200s are kept apart.
 */
import { isThrottleCode } from '../../src/errors/index.ts';
import { redact } from '../../src/client/index.ts';

export type Classified =
  | { kind: 'transport'; key: string }
  | { kind: 'http'; key: string }
  | { kind: 'unparseable' }
  | { kind: 'answer'; errorCode: number; throttle: boolean; perItem: number[]; body: unknown };

/** Go's `Post "<url>": dial tcp …` → `dial tcp …` (the URL carries the UserSig). */
export function transportKey(error: string): string {
  const plain = error.replace(/^[A-Z]+ "[^"]*": /, '').replace(/https?:\/\/\S+/g, '<url>');
  return redact(plain).slice(0, 160);
}

/** Every ResultCode ≠ 0 found in the body (ResultItem, ContactResultItem, GroupResultItem[].ResultItem …). */
export function perItemCodes(body: unknown, depth = 0, out: number[] = []): number[] {
  if (depth > 5 || body === null || typeof body !== 'object') return out;
  if (Array.isArray(body)) {
    for (const x of body) perItemCodes(x, depth + 1, out);
    return out;
  }
  for (const [k, v] of Object.entries(body)) {
    if (k === 'ResultCode' && typeof v === 'number' && v !== 0) out.push(v);
    else if (typeof v === 'object') perItemCodes(v, depth + 1, out);
  }
  return out;
}

export function classify(httpCode: number, error: string, bodyText: string): Classified {
  if (httpCode === 0) return { kind: 'transport', key: transportKey(error || 'no response') };
  if (httpCode !== 200) return { kind: 'http', key: String(httpCode) };
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { kind: 'unparseable' };
  }
  const code = (body as { ErrorCode?: unknown } | null)?.ErrorCode;
  if (typeof code !== 'number') return { kind: 'unparseable' };
  return { kind: 'answer', errorCode: code, throttle: isThrottleCode(code), perItem: code === 0 ? perItemCodes(body) : [], body };
}
