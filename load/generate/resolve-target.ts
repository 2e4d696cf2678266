/**
 * Where the load goes: the embedded emulator (TCIM_BASE_URL unset) or the configured target, which
 * must pass the production guard (TCIM_ALLOWED_SDKAPPIDS). The admin UserSig is signed once in Node
 * with an expiry longer than the run; a pre-made TCIM_USERSIG is decoded and refused when it would
 * expire before the run ends.
 */
import { assertTargetAllowed, ConfigError, ENV, loadTargetConfig, parseTimeoutMs, registerSecret, type TargetConfig } from '../../src/client/index.ts';
import { decodeUserSig, genUserSig } from '../../src/usersig/index.ts';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process.ts';
import type { SignedTarget } from './vegeta-targets.ts';

type Env = Record<string, string | undefined>;

export interface ResolvedTarget {
  kind: 'embedded-emulator' | 'remote';
  config: TargetConfig;
  signed: SignedTarget;
  emulator?: EmulatorProcess;
  close(): Promise<void>;
}

/** Margin added to the run's own length when signing or checking a UserSig. */
export const USERSIG_MARGIN_SECONDS = 3600;

/** The UserSig the targets carry; throws ConfigError for a pre-made one that cannot cover the run. */
export function runUserSig(config: TargetConfig, runSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const needUntil = nowSeconds + runSeconds + 600;
  if (config.auth.kind === 'secret-key') {
    const sig = genUserSig({ sdkappid: config.sdkappid, key: config.auth.secretKey, identifier: config.admin, expireSeconds: runSeconds + USERSIG_MARGIN_SECONDS, now: nowSeconds });
    registerSecret(sig);
    return sig;
  }
  const sig = config.auth.usersig;
  const doc = decodeUserSig(sig);
  if (!doc) throw new ConfigError(`${ENV.USERSIG} cannot be decoded (not a TLSSigAPIv2 UserSig); the load run cannot check that it outlives the run`);
  if (doc['TLS.identifier'] !== config.admin) throw new ConfigError(`${ENV.USERSIG} was signed for another identifier than ${ENV.ADMIN}`);
  if (doc['TLS.sdkappid'] !== config.sdkappid) throw new ConfigError(`${ENV.USERSIG} was signed for another SDKAppID than ${ENV.SDKAPPID}=${config.sdkappid}`);
  const expiresAt = doc['TLS.time'] + doc['TLS.expire'];
  if (expiresAt < needUntil) {
    throw new ConfigError(
      `${ENV.USERSIG} expires at ${new Date(expiresAt * 1000).toISOString()}, before this run (about ${runSeconds}s plus 10 min margin) would end; ` +
        `give a fresh UserSig or set ${ENV.SECRET_KEY} so the harness signs one`,
    );
  }
  return sig;
}

export async function resolveTarget(env: Env, runSeconds: number, emulatorConfig?: Record<string, unknown>): Promise<ResolvedTarget> {
  if (!env[ENV.BASE_URL]) {
    const emu = await startEmulatorProcess(emulatorConfig);
    registerSecret(emu.secretKey);
    const config: TargetConfig = {
      baseUrl: emu.url,
      sdkappid: emu.sdkappid,
      admin: emu.admin,
      auth: { kind: 'secret-key', secretKey: emu.secretKey },
      timeoutMs: parseTimeoutMs(env),
      usersigExpireSeconds: runSeconds + USERSIG_MARGIN_SECONDS,
    };
    const signed = { baseUrl: config.baseUrl, sdkappid: config.sdkappid, admin: config.admin, usersig: runUserSig(config, runSeconds) };
    return { kind: 'embedded-emulator', config, signed, emulator: emu, close: () => emu.stop() };
  }
  const config = loadTargetConfig(env);
  assertTargetAllowed(config, env);
  config.usersigExpireSeconds = Math.max(config.usersigExpireSeconds, runSeconds + USERSIG_MARGIN_SECONDS);
  const signed = { baseUrl: config.baseUrl, sdkappid: config.sdkappid, admin: config.admin, usersig: runUserSig(config, runSeconds) };
  return { kind: 'remote', config, signed, close: async () => {} };
}
