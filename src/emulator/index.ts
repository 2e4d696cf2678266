/**
 * Embedded stateful emulator of the Tencent Cloud Chat REST API (conversation groups and marks, plus
 * the set-up commands). `startEmulator()` serves `POST /v4/{service}/{command}` and the control API
 * under `/_emulator/` on loopback; see defaults.ts for the documented defaults.
 */
import type { AddressInfo } from 'node:net';
import { registerSecret } from '../core/redact.ts';
import { deepMerge, validatePatch } from './config.ts';
import { EmulatorControl } from './control.ts';
import { EMULATOR_DEFAULTS } from './defaults.ts';
import { Runtime } from './runtime.ts';
import { createEmulatorServer } from './server.ts';
import { compileValidators } from './handlers/index.ts';
import type { DeepPartial, EmulatorConfig, EmulatorOptions } from './types.ts';

export { EMULATOR_DEFAULTS } from './defaults.ts';
export { EmulatorControl } from './control.ts';
export { EmulatorControlClient, type ControlMethod, type EmulatorStats } from './control-client.ts';
export { arrivalsBetween, ARRIVAL_BIN_MS, type ArrivalWindow } from './arrivals.ts';
export { ControlInputError, defaultConfig } from './config.ts';
export { DEFAULT_QUIRKS } from './quirks.ts';
export type * from './types.ts';

export interface RunningEmulator {
  url: string;
  port: number;
  host: string;
  sdkappid: number;
  admin: string;
  secretKey: string;
  control: EmulatorControl;
  stop(): Promise<void>;
}

/** `http://host:port`, with brackets for IPv6 literals. */
export const formatUrl = (host: string, port: number): string => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? EMULATOR_DEFAULTS.host;
  const identity = {
    sdkappid: options.sdkappid ?? EMULATOR_DEFAULTS.sdkappid,
    admin: options.admin ?? EMULATOR_DEFAULTS.admin,
    secretKey: options.secretKey ?? EMULATOR_DEFAULTS.secretKey,
  };
  registerSecret(identity.secretKey);
  let config: DeepPartial<EmulatorConfig> | undefined = options.config;
  if (options.seed !== undefined) config = deepMerge(config ?? {}, { seed: options.seed });
  if (config) validatePatch(config);
  if (options.variant?.config) validatePatch(options.variant.config);
  compileValidators();
  const rt = new Runtime(identity, config, options.variant, options.logger ?? ((line) => console.error(line)));
  const control = new EmulatorControl(rt);
  const server = createEmulatorServer(rt, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? EMULATOR_DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  rt.stats.startLagMonitor();
  const port = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      rt.stats.stopLagMonitor();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };
  return { url: formatUrl(host, port), port, host, ...identity, control, stop };
}
