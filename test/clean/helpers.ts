/**
 * "Staging" for the clean-up tests: an emulator served by `tcim-harness emulator` in its own process on
 * loopback, the CLI run as a user runs it (bin/tcim-harness.js, in its own process group so a test can
 * SIGKILL the whole run like a CI runner would), and the emulator's /_emulator/state read afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from '../contracts/helpers.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/tcim-harness.js', import.meta.url));
export const SDKAPPID = '1400000555';
export const ADMIN = 'clean_admin';
export const SECRET = 'clean-test-emulator-secret-key-0000000000001';

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** `tcim-harness emulator` as a separate server process; answers its URL once it listens. */
export async function serveEmulator(): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--sdkappid', SDKAPPID, '--admin', ADMIN, '--secret-key', SECRET], { cwd: REPO, env: cleanEnv() });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.on('exit', () => reject(new Error(`emulator exited: ${out}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The environment of a staging-mode run against `url` (guard set). */
export const stagingEnv = (url: string, runId: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv =>
  cleanEnv({ TCIM_BASE_URL: url, TCIM_SDKAPPID: SDKAPPID, TCIM_ADMIN: ADMIN, TCIM_SECRET_KEY: SECRET, TCIM_ALLOWED_SDKAPPIDS: SDKAPPID, TCIM_RUN_ID: runId, TCIM_WORKERS: '2', ...extra });

export interface Cli {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `tcim-harness <args>` in its own process group (so `process.kill(-pid)` reaches Playwright and its workers too). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd: string = REPO): Cli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, detached: true });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

/** Runs the CLI to its end (bounded). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
  const cli = startCli(args, env);
  const timer = setTimeout(() => cli.child.pid && process.kill(-cli.child.pid, 'SIGKILL'), timeoutMs);
  const { code } = await cli.exited;
  clearTimeout(timer);
  return { code, output: cli.output() };
}

interface UserSnapshot {
  groups: unknown[];
  conversations: unknown[];
}
export interface EmulatorState {
  accounts: { UserID: string }[];
  imGroups: { GroupId: string }[];
  users: Record<string, UserSnapshot>;
}

export async function state(url: string): Promise<EmulatorState> {
  return (await (await fetch(`${url}/_emulator/state`)).json()) as EmulatorState;
}

/** What of run `runId` is on the target: its accounts, its IM groups, users holding data. */
export async function runData(url: string, runId: string): Promise<{ accounts: string[]; imGroups: string[]; users: string[] }> {
  const s = await state(url);
  const mine = (id: string): boolean => id.includes(`-${runId}-`);
  return {
    accounts: s.accounts.map((a) => a.UserID).filter(mine),
    imGroups: s.imGroups.map((g) => g.GroupId).filter(mine),
    users: Object.entries(s.users)
      .filter(([id, u]) => mine(id) && (u.groups.length > 0 || u.conversations.length > 0))
      .map(([id]) => id),
  };
}

/** Polls until `ready` holds (bounded). */
export async function waitFor(what: string, ready: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
