/**
 * Runs the catalogue probes (each variant's `probe`, src/emulator/variants/): one emulator (correct or a
 * variant) and the project's ImClient behind the ProbeContext a probe expects. Calls never assert: a
 * probe observes, the test compares observations. The client lives here, not in the variants, because
 * the emulator layer sits below it.
 */
import { ImClient, type CallOptions } from '../../src/client/index.ts';
import { startEmulator, type DeepPartial, type EmulatorConfig, type EmulatorVariant, type RunningEmulator } from '../../src/emulator/index.ts';
import { deepMerge } from '../../src/emulator/config.ts';
import type { Body, ProbeContext } from '../../src/emulator/variants/index.ts';
import { genUserSig } from '../../src/usersig/index.ts';

export interface Probe extends ProbeContext {
  emu: RunningEmulator;
  client: ImClient;
  /** The parsed answer (no retries, no request validation, no assertion). */
  call(command: string, body: unknown, opts?: CallOptions): Promise<Body>;
  /** call() and whether the answer passed the strict response schema. */
  callChecked(command: string, body: unknown, opts?: CallOptions): Promise<{ body: Body; schemaOk: boolean }>;
}

/** Starts an emulator (throttling off unless `config` turns it on), runs `fn`, always stops it. */
export async function withProbe<T>(variant: EmulatorVariant | undefined, config: DeepPartial<EmulatorConfig> | undefined, fn: (p: Probe) => Promise<T>): Promise<T> {
  const emu = await startEmulator({
    logger: () => undefined,
    config: deepMerge({ throttle: { enabled: false } }, config ?? {}),
    ...(variant ? { variant } : {}),
  });
  const client = new ImClient(
    { baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, auth: { kind: 'secret-key', secretKey: emu.secretKey }, timeoutMs: 10_000, usersigExpireSeconds: 86_400 },
    { strict: true },
  );
  const callChecked = async (command: string, body: unknown, opts: CallOptions = {}) => {
    const r = await client.call<Body>(command, body, { validateRequest: false, retry: false, ...opts });
    if (r.httpStatus !== 200 || r.body === undefined) throw new Error(`${command}: HTTP ${r.httpStatus} ${r.text.slice(0, 200)}`);
    return { body: r.body, schemaOk: r.validation.ok };
  };
  const probe: Probe = {
    emu,
    client,
    admin: emu.admin,
    callChecked,
    call: async (command, body, opts) => (await callChecked(command, body, opts)).body,
    sig: (identifier, o = {}) =>
      genUserSig({ sdkappid: emu.sdkappid, key: o.key ?? emu.secretKey, identifier, expireSeconds: o.expireSeconds ?? 3600, ...(o.now === undefined ? {} : { now: o.now }) }),
  };
  try {
    return await fn(probe);
  } finally {
    await emu.stop();
  }
}
