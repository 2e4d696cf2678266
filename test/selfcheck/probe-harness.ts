/**
 * A small harness for the catalogue probes: one emulator (correct or a variant), the project's ImClient,
 * and raw calls that never assert — a probe observes, the test compares observations.
 */
import { ImClient, type CallOptions } from '../../src/client/index.ts';
import { startEmulator, type DeepPartial, type EmulatorConfig, type EmulatorVariant, type RunningEmulator } from '../../src/emulator/index.ts';
import { deepMerge } from '../../src/emulator/config.ts';
import { genUserSig } from '../../src/usersig/index.ts';

export type Body = Record<string, any>;

import { CMD } from '../../src/client/commands.ts';

export { CMD };

export interface Probe {
  emu: RunningEmulator;
  client: ImClient;
  /** The parsed answer (no retries, no request validation, no assertion). */
  call(command: string, body: unknown, opts?: CallOptions): Promise<Body>;
  /** call() and whether the answer passed the strict response schema. */
  callChecked(command: string, body: unknown, opts?: CallOptions): Promise<{ body: Body; schemaOk: boolean }>;
  sig(identifier: string, o?: { expireSeconds?: number; now?: number; key?: string }): string;
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

export const c2c = (peer: string) => ({ Type: 1, To_Account: peer });
export const createGroup = (from: string, name: string, contacts: object[] = []) => ({ From_Account: from, GroupContactItem: [{ GroupName: name, ContactItem: contacts }] });
export const mark = (from: string, items: object[]) => ({ From_Account: from, MarkItem: items });
export const customMarks = (from: string, peers: string[]) => mark(from, peers.map((p) => ({ OptType: 2, ContactItem: c2c(p), CustomMark: 'x' })));
export const peers = (n: number, prefix = 'p'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** An ASCII string of exactly n bytes. */
export const bytes = (n: number): string => 'a'.repeat(n);

export async function importUsers(p: Probe, ...ids: string[]): Promise<void> {
  const b = await p.call(CMD.multiImport, { Accounts: ids });
  if (b.ErrorCode !== 0) throw new Error(`import failed: ${JSON.stringify(b)}`);
}

/** The first conversation search_contact_group finds for `peer` (undefined when it has no data). */
export async function searchOne(p: Probe, from: string, peer: string): Promise<Body | undefined> {
  const b = await p.call(CMD.search, { From_Account: from, ContactItem: [c2c(peer)] });
  return (b.ContactResultItem as Body[] | undefined)?.[0];
}

/** Error codes of `n` calls sent at once (get_contact_group). */
export async function burstCodes(p: Probe, n: number): Promise<number[]> {
  const answers = await Promise.all(Array.from({ length: n }, () => p.call(CMD.get, { From_Account: 'u1', StartIndex: 0 })));
  return [...new Set(answers.map((a) => a.ErrorCode as number))].sort((a, b) => a - b);
}

/** Throttled answers among calls paced at `rate`/s for `seconds` (scheduled on absolute times). */
export async function pacedThrottled(p: Probe, rate: number, seconds: number, throttleCode: number): Promise<number> {
  const start = performance.now();
  const total = Math.round(rate * seconds);
  const pending: Promise<Body>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(p.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }));
  }
  return (await Promise.all(pending)).filter((a) => a.ErrorCode === throttleCode).length;
}
