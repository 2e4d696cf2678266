/** The client's call options, results and errors (kept apart so client.ts stays the call logic). */
import type { ValidationResult } from '../schema/index.ts';
import type { CallRecord } from './record.ts';
import type { Transport } from './transport.ts';
import type { RateBudget } from './budget.ts';

export type QueryKey = 'sdkappid' | 'identifier' | 'usersig' | 'random' | 'contenttype';

export interface Envelope {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo: string;
  [k: string]: unknown;
}

export interface CallOptions {
  /** Validate the request body before sending (default true). Negative tests switch it off. */
  validateRequest?: boolean;
  /** Send this text as the body instead of JSON.stringify(body). */
  rawBody?: string;
  /** Override (string) or drop (null) query parameters, e.g. a garbled usersig. */
  query?: Partial<Record<QueryKey, string | null>>;
  /** Retry throttle answers and transient failures (default true). */
  retry?: boolean;
  /** Retry lost answers (HTTP 502/503/504, reset, timeout) where the command may be repeated (default: `retry`). */
  retryTransient?: boolean;
  /** Send to this path instead of `command` (a negative test's wrong path); the answer is judged as `command`'s. */
  path?: string;
}

export interface CallResult<R = Envelope> {
  command: string;
  httpStatus: number;
  text: string;
  /** Parsed body, or undefined when the target answered something that is not JSON. */
  body: R | undefined;
  validation: ValidationResult;
  record: CallRecord;
  records: CallRecord[];
  throttledAttempts: number;
  /** Lost answers (HTTP 502/503/504, reset, timeout) sent again. */
  transientRetries: number;
  /** An earlier attempt's answer was lost after the call may have reached the server. */
  answerLost: boolean;
  /** The lost attempt had been applied: the client undid it and sent the call again (applied.ts). */
  appliedEarlier?: boolean;
  /** The target's HTTP Date header, if any. */
  date?: string;
}

export interface ClientOptions {
  transport?: Transport;
  /** Strict response validation: unknown fields are errors (emulator) instead of drift warnings (staging). */
  strict?: boolean;
  budget?: RateBudget;
  onRecord?: (r: CallRecord) => void;
  throttleRetries?: number;
  transientRetries?: number;
  backoffMs?: number;
}

export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
}

/** Throttled beyond the retries, or the target unreachable: the verdict is "inconclusive", not "failed". */
export class InconclusiveError extends Error {
  override name = 'InconclusiveError';
  constructor(
    message: string,
    readonly records: CallRecord[],
  ) {
    super(message);
  }
}
