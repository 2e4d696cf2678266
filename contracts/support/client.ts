/**
 * The suites' view of the signed client: every call is a (boxed) report step, is recorded for the
 * failure attachments, has its answered codes noted for the coverage table, and its response validated
 * against the schema (soft, so one test reports every broken response). Inconclusive answers are marked.
 */
import { test } from '@playwright/test';
import {
  ImClient,
  InconclusiveError,
  itemResults,
  RequestValidationError,
  RETRYABLE_HTTP_STATUS,
  type CallOptions,
  type CallRecord,
  type CallResult,
  type ClientOptions,
  type TargetConfig,
} from '../../src/client/index.ts';
import { BATCH_ENV } from './batch.ts';
import { annotateOnce, expect } from './matchers.ts';

/**
 * A batch run (the self-check) reads only which tests failed and why: there a call is no report step
 * of its own and a schema check that passes leaves no step either. A step captures a stack trace, and
 * the self-check makes hundreds of thousands of calls.
 */
const LEAN = process.env[BATCH_ENV.PLAN] !== undefined;

/** Everything one test's calls leave behind. */
export class CallLog {
  readonly records: CallRecord[] = [];
  readonly observed = new Set<string>();
  calls = { target: 0, private: 0 };
  throttled = 0;
  /** Attempts whose answer was lost (HTTP 502/503/504, reset, timeout), each sent again or inconclusive. */
  transient = 0;
  /** Writes whose lost attempt had been applied: undone and sent again (src/client/applied.ts). */
  appliedRetries = 0;
}

function codeOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  try {
    const c = (JSON.parse(text) as { ErrorCode?: unknown }).ErrorCode;
    return typeof c === 'number' ? c : undefined;
  } catch {
    return undefined;
  }
}

export class ContractClient {
  readonly raw: ImClient;
  /** Soft-assert every response against its schema (off for the teardown, whose job is cleaning). */
  private readonly checkSchema: boolean;

  constructor(
    config: TargetConfig,
    private readonly log: CallLog,
    readonly where: 'target' | 'private',
    options: Omit<ClientOptions, 'onRecord'> & { checkSchema?: boolean } = {},
  ) {
    const { checkSchema = true, ...rest } = options;
    this.checkSchema = checkSchema;
    this.raw = new ImClient(config, { ...rest, onRecord: (r) => this.onRecord(r) });
  }

  get config(): TargetConfig {
    return this.raw.config;
  }

  private onRecord(r: CallRecord): void {
    this.log.records.push(r);
    this.log.calls[this.where]++;
    if (r.error !== undefined || (r.httpStatus !== undefined && RETRYABLE_HTTP_STATUS.has(r.httpStatus))) this.log.transient++;
    const code = codeOf(r.responseBody);
    if (code !== undefined) this.log.observed.add(`${code} ${r.command}`);
  }

  private settle<R>(res: CallResult<R>, schemaCommand: string): CallResult<R> {
    if (this.where === 'target') this.log.throttled += res.throttledAttempts;
    // A wrong path's answer counts for the command it stands in for (callPath).
    const code = codeOf(res.text);
    if (code !== undefined) this.log.observed.add(`${code} ${schemaCommand}`);
    if (res.appliedEarlier) {
      this.log.appliedRetries++;
      annotateOnce('applied-retry', `${schemaCommand}: the answer was lost after the server applied the call; undone and sent again`);
    }
    for (const item of itemResults(schemaCommand, res.body)) {
      if (typeof item?.ResultCode === 'number') this.log.observed.add(`${item.ResultCode} ${schemaCommand}`);
    }
    const quiet = LEAN && res.validation.ok && res.validation.unknownFields.length === 0;
    if (this.checkSchema && !quiet) expect.soft(res as CallResult<unknown>, `response of ${schemaCommand} matches its schema`).toMatchSchema();
    return res;
  }

  private failed(e: unknown): never {
    if (e instanceof InconclusiveError) annotateOnce('inconclusive', e.message);
    if (e instanceof RequestValidationError) annotateOnce('harness-error', e.message);
    throw e;
  }

  /**
   * Signed call; negative tests pass `validateRequest: false`, a `rawBody` or query overrides. `retry:
   * false` (a test that must see the first throttle or error answer) still repeats a lost answer: a
   * gateway's 502 or a closed connection is never the answer a contract speaks of.
   */
  async call<R = any>(command: string, body: unknown, opts: CallOptions = {}): Promise<CallResult<R>> {
    const send = async (): Promise<CallResult<R>> => {
      try {
        return this.settle(await this.raw.call<R>(command, body, { retryTransient: true, ...opts }), command);
      } catch (e) {
        return this.failed(e);
      }
    };
    return LEAN ? send() : test.step(`POST ${opts.path ?? command}`, send, { box: true });
  }

  /**
   * A signed call to another path (e.g. a wrong-case command name), judged against `command`'s
   * response schema — an error answer carries only the envelope every schema accepts.
   */
  async callPath<R = any>(command: string, path: string, body: unknown): Promise<CallResult<R>> {
    return this.call<R>(command, body, { path, validateRequest: false });
  }
}
