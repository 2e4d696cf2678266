/** Target configuration from the environment. Every bad value is a ConfigError naming the variable. */
import { registerSecret } from '../core/redact.ts';
import { parseWholeNumber } from '../core/numbers.ts';
import { ConfigError } from '../core/config-error.ts';
import { limits } from '../schema/index.ts';

export { ConfigError };

export type TargetAuth = { kind: 'secret-key'; secretKey: string } | { kind: 'usersig'; usersig: string };

export interface TargetConfig {
  baseUrl: string;
  sdkappid: number;
  admin: string;
  auth: TargetAuth;
  timeoutMs: number;
  /** Validity of UserSigs the client makes, seconds. */
  usersigExpireSeconds: number;
}

export const ENV = {
  BASE_URL: 'TCIM_BASE_URL',
  SDKAPPID: 'TCIM_SDKAPPID',
  ADMIN: 'TCIM_ADMIN',
  SECRET_KEY: 'TCIM_SECRET_KEY',
  USERSIG: 'TCIM_USERSIG',
  TIMEOUT_MS: 'TCIM_TIMEOUT_MS',
  ALLOWED_SDKAPPIDS: 'TCIM_ALLOWED_SDKAPPIDS',
  RATE_BUDGET: 'TCIM_RATE_BUDGET',
} as const;

type Env = Record<string, string | undefined>;

export function parseBaseUrl(value: string | undefined, name: string = ENV.BASE_URL): string {
  if (!value) throw new ConfigError(`${name} is not set: give the target's base URL, e.g. https://adminapisgp.im.qcloud.com`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}="${value}" is not a URL: expected e.g. https://adminapisgp.im.qcloud.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL, got ${url.protocol}`);
  if (url.search || url.hash) throw new ConfigError(`${name} must not carry a query string or fragment (the client adds the signed query itself)`);
  return url.toString().replace(/\/+$/, '');
}

/** SDKAppIDs are unsigned 32-bit numbers (the query string's sdkappid). */
const MAX_SDKAPPID = 2 ** 32 - 1;

export function parseSdkAppId(value: string | undefined, name: string = ENV.SDKAPPID): number {
  if (!value) throw new ConfigError(`${name} is not set: give the app's SDKAppID (a number from the Chat console)`);
  return parseWholeNumber(name, value, { min: 1, max: MAX_SDKAPPID, expected: `is not an SDKAppID: expected a number from 1 to ${MAX_SDKAPPID}` });
}

export function parseAdmin(value: string | undefined, name: string = ENV.ADMIN): string {
  if (!value) throw new ConfigError(`${name} is not set: give the app admin account (UserID) that signs the calls`);
  if (Buffer.byteLength(value, 'utf8') > limits.maxUserIdBytes) throw new ConfigError(`${name} is longer than ${limits.maxUserIdBytes} bytes; UserIDs are at most ${limits.maxUserIdBytes} bytes`);
  return value;
}

/** TCIM_TIMEOUT_MS, the per-call timeout (default 10 s). */
export const parseTimeoutMs = (env: Env = process.env): number => parseWholeNumber(ENV.TIMEOUT_MS, env[ENV.TIMEOUT_MS], { min: 1, fallback: 10_000, unit: 'milliseconds' });

export function loadTargetConfig(env: Env = process.env): TargetConfig {
  const baseUrl = parseBaseUrl(env[ENV.BASE_URL]);
  const sdkappid = parseSdkAppId(env[ENV.SDKAPPID]);
  const admin = parseAdmin(env[ENV.ADMIN]);
  const key = env[ENV.SECRET_KEY];
  const sig = env[ENV.USERSIG];
  registerSecret(key);
  registerSecret(sig);
  let auth: TargetAuth;
  if (key && sig) throw new ConfigError(`set only one of ${ENV.SECRET_KEY} (the client signs) and ${ENV.USERSIG} (a pre-made signature)`);
  else if (key) auth = { kind: 'secret-key', secretKey: key };
  else if (sig) auth = { kind: 'usersig', usersig: sig };
  else throw new ConfigError(`neither ${ENV.SECRET_KEY} nor ${ENV.USERSIG} is set: the client needs the app's secret key or a UserSig of ${ENV.ADMIN}`);
  return {
    baseUrl,
    sdkappid,
    admin,
    auth,
    timeoutMs: parseTimeoutMs(env),
    usersigExpireSeconds: 86_400,
  };
}

/** Comma-separated SDKAppIDs the user allows the harness to write to (the production guard). */
export function allowedSdkAppIds(env: Env = process.env): number[] {
  const v = env[ENV.ALLOWED_SDKAPPIDS];
  if (!v) return [];
  return v.split(',').map((s) => s.trim()).filter(Boolean).map((s) => parseSdkAppId(s, ENV.ALLOWED_SDKAPPIDS));
}

/** Throws unless the target's SDKAppID is explicitly allowed. */
export function assertTargetAllowed(config: TargetConfig, env: Env = process.env): void {
  const allowed = allowedSdkAppIds(env);
  if (!allowed.includes(config.sdkappid)) {
    throw new ConfigError(
      `refusing to run against SDKAppID ${config.sdkappid} at ${config.baseUrl}: it is not listed in ${ENV.ALLOWED_SDKAPPIDS}. ` +
        `The harness creates and deletes accounts, IM groups and conversation groups; list only staging apps there, ` +
        `e.g. ${ENV.ALLOWED_SDKAPPIDS}=${config.sdkappid}`,
    );
  }
}
