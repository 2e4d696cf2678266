/**
 * The signed client every suite and tool uses: builds the signed URL with a fresh random per call,
 * validates the request before sending and the response after, retries throttling and transient
 * failures a bounded number of times, and records every attempt (redacted).
 */
import { randomInt } from 'node:crypto';
import { genUserSig } from '../usersig/index.ts';
import { isThrottleCode, describeCode } from '../errors/index.ts';
import { validateRequest, validateResponse, formatIssues, type ValidationResult } from '../schema/index.ts';
import type { TargetConfig } from './config.ts';
import { makeRecord, type CallRecord } from './record.ts';
import { registerSecret } from '../core/redact.ts';
import { fetchTransport, RETRYABLE_HTTP_STATUS, TransportError, type Transport } from './transport.ts';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ImClient {
  private sig?: { value: string; renewAt: number };
  constructor(
    readonly config: TargetConfig,
    readonly options: ClientOptions = {},
  ) {}

  /** The admin UserSig: the configured one, or one the client signs and renews before it expires. */
  usersig(): string {
    const auth = this.config.auth;
    if (auth.kind === 'usersig') return auth.usersig;
    const now = Math.floor(Date.now() / 1000);
    if (!this.sig || now >= this.sig.renewAt) {
      const expire = this.config.usersigExpireSeconds;
      const value = genUserSig({ sdkappid: this.config.sdkappid, key: auth.secretKey, identifier: this.config.admin, expireSeconds: expire, now });
      registerSecret(value);
      this.sig = { value, renewAt: now + Math.floor(expire / 2) };
    }
    return this.sig.value;
  }

  url(command: string, overrides: CallOptions['query'] = {}): string {
    const q: Record<QueryKey, string | null> = {
      sdkappid: String(this.config.sdkappid),
      identifier: this.config.admin,
      usersig: overrides.usersig === undefined ? this.usersig() : null,
      random: String(randomInt(0, 2 ** 32)),
      contenttype: 'json',
      ...overrides,
    };
    if (overrides.usersig !== undefined) registerSecret(overrides.usersig ?? undefined);
    const params = Object.entries(q).filter(([, v]) => v !== null) as [string, string][];
    return `${this.config.baseUrl}/v4/${command}?${new URLSearchParams(params).toString()}`;
  }

  async call<R = Envelope>(command: string, body: unknown, opts: CallOptions = {}): Promise<CallResult<R>> {
    if (opts.validateRequest !== false && opts.rawBody === undefined) {
      const v = validateRequest(command, body);
      if (!v.ok) throw new RequestValidationError(`request to ${command} does not match its schema: ${formatIssues(v.errors)}`);
    }
    const text = opts.rawBody ?? JSON.stringify(body);
    const retry = opts.retry !== false;
    const maxThrottle = retry ? (this.options.throttleRetries ?? 3) : 0;
    const maxTransient = retry ? (this.options.transientRetries ?? 2) : 0;
    const backoff = this.options.backoffMs ?? 250;
    const records: CallRecord[] = [];
    let throttled = 0;
    let transient = 0;
    for (let attempt = 1; ; attempt++) {
      await this.options.budget?.acquire();
      const url = this.url(command, opts.query);
      const started = performance.now();
      const startedAt = new Date().toISOString();
      let status: number;
      let answer: string;
      let date: string | undefined;
      try {
        ({ status, text: answer, date } = await (this.options.transport ?? fetchTransport)(url, text, this.config.timeoutMs));
      } catch (e) {
        const err = e instanceof TransportError ? e : new TransportError(String(e), 'other');
        const rec = makeRecord({ command, method: 'POST', url, requestBody: text, durationMs: performance.now() - started, attempt, startedAt, error: err.message });
        records.push(rec);
        this.options.onRecord?.(rec);
        if (transient++ < maxTransient) {
          await sleep(backoff * 2 ** (transient - 1));
          continue;
        }
        throw new InconclusiveError(`${command}: ${err.message} after ${attempt} attempt(s)`, records);
      }
      const rec = makeRecord({ command, method: 'POST', url, requestBody: text, httpStatus: status, responseBody: answer, durationMs: performance.now() - started, attempt, startedAt });
      records.push(rec);
      this.options.onRecord?.(rec);
      if (RETRYABLE_HTTP_STATUS.has(status) && transient++ < maxTransient) {
        await sleep(backoff * 2 ** (transient - 1));
        continue;
      }
      if (RETRYABLE_HTTP_STATUS.has(status) && retry) throw new InconclusiveError(`${command}: HTTP ${status} after ${attempt} attempt(s)`, records);
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer);
      } catch {
        parsed = undefined;
      }
      const code = (parsed as Envelope | undefined)?.ErrorCode;
      if (typeof code === 'number' && isThrottleCode(code)) {
        throttled++;
        if (throttled <= maxThrottle) {
          await sleep(backoff * 2 ** (throttled - 1));
          continue;
        }
        if (retry) throw new InconclusiveError(`${command}: throttled (${describeCode(code)}) on all ${attempt} attempts`, records);
      }
      const validation: ValidationResult =
        parsed === undefined
          ? { ok: false, errors: [{ path: '/', keyword: 'json', message: `response is not JSON (HTTP ${status})` }], unknownFields: [] }
          : validateResponse(command, parsed, { strict: this.options.strict ?? true });
      return { command, httpStatus: status, text: answer, body: parsed as R | undefined, validation, record: rec, records, throttledAttempts: throttled, date };
    }
  }
}
