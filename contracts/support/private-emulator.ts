/**
 * A private emulator for one test: same variant as the run's emulator, its own state and config, so a
 * test may lower the rate limit, switch the edition, inject faults or move the clock through the
 * control API without disturbing tests running in other workers. Only used on the emulator target.
 */
import { loadTargetConfig, type TargetConfig } from '../../src/client/index.ts';
import { startEmulator, type DeepPartial, type EmulatorConfig, type Fault } from '../../src/emulator/index.ts';
import { CallLog, ContractClient } from './client.ts';
import { expect } from './matchers.ts';
import { loadVariant } from '../../src/emulator/variants/select.ts';

export interface PrivateEmulator {
  url: string;
  config: TargetConfig;
  /** Admin-signed, strict, no rate budget (the instance is local and private). */
  client: ContractClient;
  control<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  patchConfig(patch: DeepPartial<EmulatorConfig>): Promise<EmulatorConfig>;
  advanceClock(seconds: number): Promise<void>;
  addFault(fault: Fault): Promise<void>;
  importAccounts(...ids: string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateEmulator(log: CallLog): Promise<PrivateEmulator> {
  const variant = await loadVariant();
  const emu = await startEmulator({ variant, logger: () => undefined });
  const config = loadTargetConfig({
    TCIM_BASE_URL: emu.url,
    TCIM_SDKAPPID: String(emu.sdkappid),
    TCIM_ADMIN: emu.admin,
    TCIM_SECRET_KEY: emu.secretKey,
  });
  const client = new ContractClient(config, log, 'private', { strict: true, backoffMs: 20 });
  const control = async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${emu.url}/_emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`emulator control ${method} /_emulator/${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    url: emu.url,
    config,
    client,
    control,
    patchConfig: (patch) => control<EmulatorConfig>('PATCH', 'config', patch),
    advanceClock: async (seconds) => {
      await control('POST', 'clock', { advanceSeconds: seconds });
    },
    addFault: async (fault) => {
      await control('POST', 'faults', fault);
    },
    importAccounts: async (...ids) => {
      const res = await client.call('im_open_login_svc/multiaccount_import', { AccountList: ids.map((UserID) => ({ UserID })) });
      expect(res).toBeImOk();
    },
    stop: () => emu.stop(),
  };
}
