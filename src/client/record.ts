/** A redacted record of one API call, printable as a runnable curl line. */
import { redact, redactDeep, REDACTED } from '../core/redact.ts';

export interface CallRecord {
  command: string;
  method: 'POST';
  /** URL with usersig redacted. */
  url: string;
  requestBody: string;
  httpStatus?: number;
  responseBody?: string;
  durationMs: number;
  attempt: number;
  startedAt: string;
  error?: string;
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl line that runs as is once TCIM_USERSIG holds a valid signature. */
export function toCurl(record: CallRecord): string {
  const [before, after] = record.url.split(REDACTED);
  const url = after === undefined ? shellQuote(record.url) : `${shellQuote(before ?? '')}"$TCIM_USERSIG"${shellQuote(after)}`;
  return `curl -sS -X POST ${url} -H 'Content-Type: application/json' --data-raw ${shellQuote(record.requestBody)}`;
}

export function makeRecord(fields: Omit<CallRecord, 'url' | 'requestBody' | 'responseBody'> & { url: string; requestBody: string; responseBody?: string }): CallRecord {
  return redactDeep({
    ...fields,
    url: redact(fields.url),
    requestBody: redact(fields.requestBody),
    ...(fields.responseBody === undefined ? {} : { responseBody: redact(fields.responseBody) }),
  });
}
