/**
 * What one answer says. HTTP status is 200 for every API error; the verdict is in the body
 * (ActionStatus, ErrorCode, per-item ResultCode). Transport errors and non-200s are kept apart.
 */
import { isThrottleCode } from '../../src/errors/index.ts';
import { failedItemCodes, redact } from '../../src/client/index.ts';

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

/** What `command` answered; per-item ResultCodes ≠ 0 are read where the command puts them (src/client/items.ts). */
export function classify(httpCode: number, error: string, bodyText: string, command: string): Classified {
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
  return { kind: 'answer', errorCode: code, throttle: isThrottleCode(code), perItem: code === 0 ? failedItemCodes(command, body) : [], body };
}
