/**
 * The signed client every suite and tool uses: builds the signed URL with a fresh random per call,
 * validates the request before sending and the response after, retries throttling and lost answers a
 * bounded number of times (only where the command may be repeated: retry.ts, applied.ts), and records
 * every attempt (redacted).
 */
import { randomInt } from 'node:crypto';
import { genUserSig } from '../usersig/index.ts';
import { isThrottleCode, describeCode } from '../errors/index.ts';
import { validateRequest, validateResponse, formatIssues, type ValidationResult } from '../schema/index.ts';
import { InconclusiveError, RequestValidationError, type CallOptions, type CallResult, type ClientOptions, type Envelope, type QueryKey } from './types.ts';
import type { TargetConfig } from './config.ts';
import { makeRecord, type CallRecord } from './record.ts';
import { registerSecret } from '../core/redact.ts';
import { fetchTransport, RETRYABLE_HTTP_STATUS, TransportError } from './transport.ts';
import { mayHaveArrived, mayRepeat } from './retry.ts';
import { GroupJournal, inverseApplied, inverseOf } from './applied.ts';

export * from './types.ts';

/** Undo-and-replay rounds of one call at most (applied.ts). */
const MAX_REPLAYS = 3;
/** Lost answers sent again per call (backoff 250 ms doubling, capped): a 7 % fault rate leaves about one inconclusive call in ten million. */
const DEFAULT_TRANSIENT_RETRIES = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longest wait between two attempts: exponential backoff, capped so a long retry budget stays bounded. */
const MAX_BACKOFF_MS = 4_000;
const backoffDelay = (base: number, n: number): number => Math.min(base * 2 ** n, MAX_BACKOFF_MS);

export class ImClient {
  private sig?: { value: string; renewAt: number };
  /** What this client's own answers say exists, to read a refused repeat (applied.ts). */
  private readonly journal = new GroupJournal();
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
    const known = this.journal.snapshot((body as { From_Account?: unknown } | undefined)?.From_Account);
    let res = await this.send<R>(command, body, opts);
    const records = [...res.records];
    let retries = res.transientRetries;
    let applied = false;
    // A repeat refused against what the journal knew: undo the write the lost attempt applied, then send
    // the original once more (applied.ts), so the caller gets the server's own answer, flagged. The
    // replay can lose its answer too; each round is bounded like the retries.
    for (let round = 0; round < MAX_REPLAYS && res.answerLost && opts.rawBody === undefined && !opts.path; round++) {
      const inverse = inverseOf(command, body, res.body, known);
      if (!inverse) break;
      const undo = await this.send(inverse.command, inverse.body, { validateRequest: false });
      records.push(...undo.records);
      this.journal.note(inverse.command, inverse.body, undo.body);
      // An undo whose own answer was lost and whose repeat was refused met its own applied attempt (the group
      // already gone, the name already back): send the original again. Were it not applied, the original is
      // refused once more and that answer stands — the inference can cost a round, never invent a pass.
      if (!inverseApplied(undo.body) && !undo.answerLost) break;
      res = await this.send<R>(command, body, opts);
      records.push(...res.records);
      retries += res.transientRetries;
      applied = true;
    }
    this.journal.note(command, body, res.body);
    return applied || records.length > res.records.length ? { ...res, records, transientRetries: retries, ...(applied ? { appliedEarlier: true } : {}) } : res;
  }

  /** One call with its bounded retries: throttle answers, and lost answers where the command may be repeated. */
  private async send<R>(command: string, body: unknown, opts: CallOptions): Promise<CallResult<R>> {
    const text = opts.rawBody ?? JSON.stringify(body);
    const retry = opts.retry !== false;
    const maxThrottle = retry ? (this.options.throttleRetries ?? 3) : 0;
    const maxTransient = (opts.retryTransient ?? retry) ? (this.options.transientRetries ?? DEFAULT_TRANSIENT_RETRIES) : 0;
    const backoff = this.options.backoffMs ?? 250;
    const records: CallRecord[] = [];
    let throttled = 0;
    let transient = 0;
    let lost = false;
    for (let attempt = 1; ; attempt++) {
      await this.options.budget?.acquire();
      const url = this.url(opts.path ?? command, opts.query);
      const started = performance.now();
      const startedAt = new Date().toISOString();
      const base = { command: opts.path ?? command, method: 'POST' as const, url, requestBody: text, attempt, startedAt };
      let status: number;
      let answer: string;
      let date: string | undefined;
      try {
        ({ status, text: answer, date } = await (this.options.transport ?? fetchTransport)(url, text, this.config.timeoutMs));
      } catch (e) {
        const err = e instanceof TransportError ? e : new TransportError(String(e), 'other');
        this.emit(records, makeRecord({ ...base, durationMs: performance.now() - started, error: err.message }));
        const arrived = mayHaveArrived(err);
        if (transient < maxTransient && mayRepeat(command, arrived, opts.path)) {
          lost ||= arrived;
          await sleep(backoffDelay(backoff, transient++));
          continue;
        }
        throw new InconclusiveError(`${command}: ${err.message} after ${attempt} attempt(s)`, records);
      }
      const rec = makeRecord({ ...base, httpStatus: status, responseBody: answer, durationMs: performance.now() - started });
      this.emit(records, rec);
      if (RETRYABLE_HTTP_STATUS.has(status) && maxTransient > 0) {
        if (transient < maxTransient && mayRepeat(command, true, opts.path)) {
          lost = true;
          await sleep(backoffDelay(backoff, transient++));
          continue;
        }
        throw new InconclusiveError(`${command}: HTTP ${status} after ${attempt} attempt(s)`, records);
      }
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
          await sleep(backoffDelay(backoff, throttled - 1));
          continue;
        }
        if (retry) throw new InconclusiveError(`${command}: throttled (${describeCode(code)}) on all ${attempt} attempts`, records);
      }
      const validation: ValidationResult =
        parsed === undefined
          ? { ok: false, errors: [{ path: '/', keyword: 'json', message: `response is not JSON (HTTP ${status})` }], unknownFields: [] }
          : validateResponse(command, parsed, { strict: this.options.strict ?? true });
      return { command, httpStatus: status, text: answer, body: parsed as R | undefined, validation, record: rec, records, throttledAttempts: throttled, transientRetries: transient, answerLost: lost, date };
    }
  }

  private emit(records: CallRecord[], rec: CallRecord): void {
    records.push(rec);
    this.options.onRecord?.(rec);
  }
}
