/**
 * A private emulator for one test: same variant as the run's emulator, its own state and config, so a
 * test may lower the rate limit, switch the edition, inject faults or move the clock through the
 * control API without disturbing tests running in other workers. Only used on the emulator target.
 */
import { loadTargetConfig, type TargetConfig } from '../../src/client/index.ts';
import { EmulatorControlClient, startEmulator, type ControlMethod, type DeepPartial, type EmulatorConfig, type Fault } from '../../src/emulator/index.ts';
import { importAccounts } from '../../src/rundata/index.ts';
import { loadVariant } from '../../src/emulator/variants/select.ts';
import { runDataOf } from './cleanup.ts';
import { CallLog, ContractClient } from './client.ts';

export interface PrivateEmulator {
  url: string;
  config: TargetConfig;
  /** Admin-signed, strict, no rate budget (the instance is local and private). */
  client: ContractClient;
  control<T = unknown>(method: ControlMethod, path: string, body?: unknown): Promise<T>;
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
  // Over HTTP like any other client of the control API, although the instance runs in this process.
  const control = new EmulatorControlClient(emu.url);
  return {
    url: emu.url,
    config,
    client,
    control: (method, path, body) => control.request(method, path, body),
    patchConfig: (patch) => control.patchConfig(patch),
    advanceClock: async (seconds) => {
      await control.advanceClock(seconds);
    },
    addFault: async (fault) => {
      await control.addFaults(fault);
    },
    importAccounts: (...ids) => importAccounts(runDataOf(client), ids),
    stop: () => emu.stop(),
  };
}
