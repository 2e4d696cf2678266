/**
 * The target of a run: the staging app from the environment, or — when TCIM_BASE_URL is unset — the
 * embedded emulator, started here on a free loopback port. Every command resolves its target this way.
 */
import { loadTargetConfig, assertTargetAllowed, ENV, type TargetConfig } from '../client/config.ts';
import { startEmulator, type RunningEmulator, type EmulatorOptions } from '../emulator/index.ts';
import { loadVariant } from '../emulator/variants/select.ts';

export interface Target {
  kind: 'emulator' | 'staging';
  config: TargetConfig;
  /** Present when the target is the embedded emulator. */
  emulator?: RunningEmulator;
  stop(): Promise<void>;
}

type Env = Record<string, string | undefined>;

export const isEmbedded = (env: Env = process.env): boolean => !env[ENV.BASE_URL];

/** Config of a running emulator, signed with its secret key. */
export function emulatorTargetConfig(emu: RunningEmulator): TargetConfig {
  return { baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, auth: { kind: 'secret-key', secretKey: emu.secretKey }, timeoutMs: 10_000, usersigExpireSeconds: 86_400 };
}

export async function resolveTarget(env: Env = process.env, emulatorOptions: EmulatorOptions = {}, { guard = true } = {}): Promise<Target> {
  if (isEmbedded(env)) {
    const variant = emulatorOptions.variant ?? (await loadVariant(env));
    const emulator = await startEmulator({ ...emulatorOptions, ...(variant ? { variant } : {}) });
    return { kind: 'emulator', config: emulatorTargetConfig(emulator), emulator, stop: () => emulator.stop() };
  }
  const config = loadTargetConfig(env);
  if (guard) assertTargetAllowed(config, env);
  return { kind: 'staging', config, stop: async () => {} };
}
