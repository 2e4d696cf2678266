/**
 * The embedded emulator in its own process (so its CPU use is measurable and it does not share an
 * event loop with target feeding). Argument: JSON `{ "config": <partial emulator config> }`.
 * Prints one JSON line `{url, port, sdkappid, admin, pid}`; stops on SIGTERM/SIGINT or when the
 * parent closes stdin (so it never outlives the harness).
 */
import { startEmulator } from '../../src/emulator/index.ts';
import { loadVariant } from '../../src/emulator/variants/select.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as { config?: Record<string, unknown> };
// TCIM_EMULATOR_VARIANT (mutation self-check) applies to this emulator as to the contracts' one.
const variant = await loadVariant();
const emu = await startEmulator({ config: options.config, ...(variant ? { variant } : {}), logger: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify({ url: emu.url, port: emu.port, sdkappid: emu.sdkappid, admin: emu.admin, pid: process.pid, variant: variant?.name ?? null })}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void emu.stop().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.once('end', stop);
process.stdin.once('close', stop);
process.stdin.resume();
