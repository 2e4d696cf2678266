/**
 * `tcim-harness/client`: the harness's signed, validating REST client as a library for application code
 * (a team's own integration tests, scripts, tools). Options are an object, not the environment:
 *
 *   import { createClient, ErrorCodes } from 'tcim-harness/client';
 *   const im = createClient({ baseUrl: 'https://adminapisgp.im.qcloud.com', sdkappid: 1400000000,
 *                             admin: 'administrator', secretKey: process.env.TCIM_SECRET_KEY });
 *   const res = await im.getContactGroup({ From_Account: 'alice', StartIndex: 0 });
 *   if (res.body?.ErrorCode === ErrorCodes.OK) console.log(res.body.ContactGroup);
 *
 * It is the very client the contract suites and the load set-up use (src/client/client.ts): a fresh
 * random and a renewed UserSig per call, the request checked against the documented schema before it is
 * sent (RequestValidationError), the response checked after (`res.validation`; unknown fields are errors
 * with `strict`, drift notes without), bounded retries of throttling and transient failures, and
 * redacted call records. Bad options are a ConfigError naming the option.
 */
import { ConfigError } from '../core/config-error.ts';
import { registerSecret } from '../core/redact.ts';
import { decodeUserSig, genUserSig, verifyUserSig, type VerifyResult } from '../usersig/index.ts';
import { RateBudget } from './budget.ts';
import { ImClient, type CallOptions, type CallResult, type Envelope } from './client.ts';
import { parseAdmin, parseBaseUrl, parseSdkAppId, type TargetAuth, type TargetConfig } from './config.ts';
import type { CallRecord } from './record.ts';
import { typed, type TypedClient } from './typed.ts';

export interface CreateClientOptions {
  /** Base URL of the REST API, e.g. https://adminapisgp.im.qcloud.com (no path, query or fragment). */
  baseUrl: string;
  /** The app's SDKAppID. */
  sdkappid: number;
  /** The app admin account (UserID) that signs the calls. */
  admin: string;
  /** The app's secret key: the client signs (and renews) the admin UserSig itself. Give this or `usersig`. */
  secretKey?: string;
  /** A pre-made admin UserSig, used as it is. Give this or `secretKey`. */
  usersig?: string;
  /** Per-call timeout, milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Validity of the UserSigs the client makes, seconds (default 86 400). */
  usersigExpireSeconds?: number;
  /** Unknown response fields make `validation.ok` false (default false: they are listed as drift). */
  strict?: boolean;
  /** At most this many calls per second from this client (default: unpaced). The documented limit is 200/s per command. */
  ratePerSecond?: number;
  /** Retries of throttle answers (default 3) and of transient failures — HTTP 502/503/504, reset, timeout (default 5). */
  retries?: { throttle?: number; transient?: number };
  /** Every attempt, redacted (no UserSig, no key): for logs and curl reproductions (`toCurl`). */
  onRecord?: (record: CallRecord) => void;
}

/** The typed per-command methods (`getContactGroup`, `markContact`, …) plus the untyped `call`. */
export type TcimClient = TypedClient & {
  /** Any command by path ('recentcontact/get_contact_group'), validated like the typed methods. */
  call<R = Envelope>(command: string, body: unknown, opts?: CallOptions): Promise<CallResult<R>>;
  /** The admin UserSig the next call sends (made from the secret key, or the one given). */
  usersig(): string;
  /** Checks a UserSig against this app's secret key (needs `secretKey`): sdkappid, identifier, expiry, HMAC. */
  verifyUserSig(sig: string, identifier?: string): VerifyResult;
  /** Signs a UserSig for another identifier of this app (needs `secretKey`). */
  signUserSig(identifier: string, expireSeconds?: number): string;
  /** The resolved target (the secret key stays inside `auth`; never log it). */
  readonly config: Readonly<TargetConfig>;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_EXPIRE_SECONDS = 86_400;

function positive(name: string, v: number | undefined, fallback: number | undefined): number | undefined {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ConfigError(`createClient: ${name} must be a positive number, got ${JSON.stringify(v)}`);
  return v;
}

function authOf(o: CreateClientOptions): TargetAuth {
  if (o.secretKey && o.usersig) throw new ConfigError('createClient: give only one of secretKey (the client signs) and usersig (a pre-made signature)');
  if (o.secretKey) return { kind: 'secret-key', secretKey: o.secretKey };
  if (o.usersig) return { kind: 'usersig', usersig: o.usersig };
  throw new ConfigError('createClient: neither secretKey nor usersig is given: the client needs the app secret key or an admin UserSig');
}

/** The options, checked with the same rules as the harness's TCIM_* settings (errors name the option). */
export function resolveClientConfig(o: CreateClientOptions): TargetConfig {
  if (typeof o !== 'object' || o === null) throw new ConfigError('createClient: options must be an object { baseUrl, sdkappid, admin, secretKey | usersig }');
  const auth = authOf(o);
  registerSecret(o.secretKey);
  registerSecret(o.usersig);
  return {
    baseUrl: parseBaseUrl(o.baseUrl, 'createClient: baseUrl'),
    sdkappid: parseSdkAppId(o.sdkappid === undefined ? undefined : String(o.sdkappid), 'createClient: sdkappid'),
    admin: parseAdmin(o.admin, 'createClient: admin'),
    auth,
    timeoutMs: positive('timeoutMs', o.timeoutMs, DEFAULT_TIMEOUT_MS) as number,
    usersigExpireSeconds: positive('usersigExpireSeconds', o.usersigExpireSeconds, DEFAULT_EXPIRE_SECONDS) as number,
  };
}

export function createClient(options: CreateClientOptions): TcimClient {
  const config = resolveClientConfig(options);
  const rate = positive('ratePerSecond', options.ratePerSecond, undefined);
  const client = new ImClient(config, {
    strict: options.strict === true,
    ...(rate ? { budget: new RateBudget(rate) } : {}),
    ...(options.onRecord ? { onRecord: options.onRecord } : {}),
    ...(options.retries?.throttle !== undefined ? { throttleRetries: options.retries.throttle } : {}),
    ...(options.retries?.transient !== undefined ? { transientRetries: options.retries.transient } : {}),
  });
  const key = (): string => {
    if (config.auth.kind !== 'secret-key') throw new ConfigError('createClient: signing or verifying a UserSig needs secretKey (this client was given a usersig)');
    return config.auth.secretKey;
  };
  return {
    ...typed(client),
    call: (command, body, opts) => client.call(command, body, opts),
    usersig: () => client.usersig(),
    verifyUserSig: (sig, identifier = config.admin) => verifyUserSig(sig, { sdkappid: config.sdkappid, key: key(), identifier }),
    signUserSig: (identifier, expireSeconds = config.usersigExpireSeconds) => {
      const sig = genUserSig({ sdkappid: config.sdkappid, key: key(), identifier, expireSeconds });
      registerSecret(sig);
      return sig;
    },
    config,
  };
}

export { genUserSig, verifyUserSig, decodeUserSig, type GenOptions, type SigDoc, type VerifyOptions, type VerifyResult, type VerifyFailureReason } from '../usersig/index.ts';
export { ConfigError } from '../core/config-error.ts';
export { InconclusiveError, RequestValidationError, type CallOptions, type CallResult, type Envelope } from './client.ts';
export { TransportError } from './transport.ts';
export { toCurl, type CallRecord } from './record.ts';
export { itemResults, failedItemCodes, type ItemResult } from './items.ts';
export { CMD } from './commands.ts';
export type { TypedClient } from './typed.ts';
export type { TargetConfig, TargetAuth } from './config.ts';
export { ErrorCodes, type ErrorName } from '../generated/error-codes.ts';
export { COMMAND_METHODS, type CommandMethod } from '../generated/command-methods.ts';
export type * from '../generated/types.ts';
