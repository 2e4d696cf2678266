/**
 * The one thing the contracts and the load side set up and tear down differently: how strictly they
 * judge. A `RunData` is the signed client plus that policy; every set-up/cleanup step takes one.
 */
import type { CallOptions, CallResult, Envelope } from '../client/index.ts';
import { describeCode } from '../errors/index.ts';
import type { UserData } from './user-data.ts';

/** What the steps call: the signed client (ImClient), or a wrapper with the same `call` (the contracts' recording client). */
export interface RunDataClient {
  call<R = Envelope>(command: string, body: unknown, opts?: CallOptions): Promise<CallResult<R>>;
}

/** Throws when an answer that must succeed did not; `what` names the step for the message. */
export type Judge = (res: CallResult<unknown>, what: string) => void;
export type ErrorClass = new (message: string) => Error;

/** A set-up or cleanup step went wrong (a target refused what a run needs). */
export class RunDataError extends Error {
  override name = 'RunDataError';
}

export interface RunDataPolicy {
  /** Judges answers that must succeed. Contracts: their toBeImOk matcher (per-item codes too); default: the envelope says OK. */
  judge?: Judge;
  /** Error thrown by the default judge and by the steps' own checks (load: LoadSetupError, exit 2); default RunDataError. */
  error?: ErrorClass;
  /**
   * Something already gone (an account never imported, a group or IM group not found) counts as cleaned.
   * Contracts: yes, their ledger may name what a crashed or refused step never made. Load: no, the run
   * made everything itself, so a missing object is an anomaly worth stopping for.
   */
  tolerateGone?: boolean;
  /** Reads a user's groups and conversations; undefined when the account does not exist. Default: readUserData. */
  readUser?: (user: string) => Promise<UserData | undefined>;
}

/** The envelope judge: ActionStatus OK, else an error naming the step, the code and the (redacted) URL. */
export function envelopeJudge(error: ErrorClass = RunDataError): Judge {
  return (res, what) => {
    const b = res.body as Partial<Envelope> | undefined;
    if (b?.ActionStatus === 'OK') return;
    const code = typeof b?.ErrorCode === 'number' ? describeCode(b.ErrorCode) : `HTTP ${res.httpStatus}, body not JSON`;
    throw new error(`${what} failed during set-up/teardown: ${code} ${b?.ErrorInfo ?? ''} (${res.record.url})`);
  };
}

/** The top-level ErrorCode of an answer, if it has one. */
export const errorCodeOf = (res: CallResult<unknown>): number | undefined => {
  const code = (res.body as { ErrorCode?: unknown } | undefined)?.ErrorCode;
  return typeof code === 'number' ? code : undefined;
};

export class RunData {
  readonly judge: Judge;
  readonly tolerateGone: boolean;
  readonly readUser: RunDataPolicy['readUser'];
  private readonly error: ErrorClass;

  constructor(
    readonly client: RunDataClient,
    policy: RunDataPolicy = {},
  ) {
    this.error = policy.error ?? RunDataError;
    this.judge = policy.judge ?? envelopeJudge(this.error);
    this.tolerateGone = policy.tolerateGone ?? false;
    this.readUser = policy.readUser;
  }

  /** A call whose answer the step judges itself. */
  call<R = Envelope>(command: string, body: unknown): Promise<CallResult<R>> {
    return this.client.call<R>(command, body);
  }

  /** A call that must succeed; answers its body. */
  async ok<R = Envelope>(command: string, body: unknown, what: string = command): Promise<R> {
    const res = await this.client.call<R>(command, body);
    this.judge(res as CallResult<unknown>, what);
    return res.body as R;
  }

  /** Judges `res` unless it says `goneCode` and gone objects are tolerated. */
  settle(res: CallResult<unknown>, what: string, goneCode: number, tolerateGone = this.tolerateGone): void {
    if (tolerateGone && errorCodeOf(res) === goneCode) return;
    this.judge(res, what);
  }

  fail(message: string): never {
    throw new this.error(message);
  }
}
