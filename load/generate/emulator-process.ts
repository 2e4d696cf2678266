/** Starts the embedded emulator as a child process (load/generate/emulator-child.ts) on loopback. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CODE_EXT, NODE_CODE_ARGS } from '../../src/core/paths.ts';
import { EMULATOR_DEFAULTS } from '../../src/emulator/defaults.ts';

const CHILD = fileURLToPath(new URL(`./emulator-child${CODE_EXT}`, import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface EmulatorProcess {
  url: string;
  sdkappid: number;
  admin: string;
  secretKey: string;
  pid: number;
  /** The mutation variant the child applied (TCIM_EMULATOR_VARIANT), or null. */
  variant: string | null;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(config?: Record<string, unknown>): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, [...NODE_CODE_ARGS, CHILD, JSON.stringify({ config })], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded emulator did not start within ${START_TIMEOUT_MS / 1000}s: ${stderr}`)), START_TIMEOUT_MS);
    const rl = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    rl.once('line', (line) => {
      clearTimeout(timer);
      rl.close();
      resolve(line);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`embedded emulator exited during start: ${stderr.trim()}`));
    });
  });
  const info = JSON.parse(first) as { url: string; sdkappid: number; admin: string; pid: number; variant: string | null };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      child.stdin?.end();
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
  return { url: info.url, sdkappid: info.sdkappid, admin: info.admin, secretKey: EMULATOR_DEFAULTS.secretKey, pid: info.pid, variant: info.variant ?? null, stop };
}
