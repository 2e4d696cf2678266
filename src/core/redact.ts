/**
 * Secrets (the secret key and every UserSig) never reach a log, report or error message.
 * Every secret the process learns is registered here; `redact` scrubs them from any text.
 */
const secrets = new Set<string>();
export const REDACTED = '***REDACTED***';

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text.replace(/([?&]usersig=)[^&#\s'"]*/gi, `$1${REDACTED}`);
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

/** Redacts every string inside a JSON-like value. */
export function redactDeep<T>(value: T): T {
  return JSON.parse(redact(JSON.stringify(value ?? null))) as T;
}
