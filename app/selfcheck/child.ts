/**
 * Runs one child process with a time bound: its own process group (so a timeout also ends the
 * Playwright workers and the emulator it started), output to a log file plus a short in-memory tail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { dirname } from 'node:path';
import { redact } from '../../src/core/redact.ts';
import type { ChildResult } from './types.ts';

const TAIL_CHARS = 4000;
const KILL_GRACE_MS = 5000;
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Ends every child this module started and that still runs (Ctrl-C of the self-check). */
export function killRunningChildren(): void {
  for (const c of running) killGroup(c, 'SIGKILL');
}

/** Best effort: a system that refuses either setting runs the child at normal priority. */
function lowerPriority(pid: number): void {
  try {
    setPriority(pid, constants.priority.PRIORITY_LOW);
  } catch {
    /* not allowed here */
  }
  if (process.platform !== 'linux') return;
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(constants.priority.PRIORITY_LOW));
  } catch {
    /* no autogroups (kernel without them, or not allowed) */
  }
}

export interface SpawnSpec {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** stdout and stderr of the child go here. */
  logFile: string;
  /**
   * Background: the child (and every process it starts after, which inherit it) runs at the lowest CPU
   * priority, so a load run beside it gets the CPU whenever it needs it (nice 19: the scheduler gives a
   * waiting normal-priority process the core within about a millisecond). The child leads a session of
   * its own, and Linux shares the CPU between sessions first (autogroups) whatever their processes' nice
   * values: its autogroup gets nice 19 too.
   */
  background?: boolean;
}

export function spawnBounded(spec: SpawnSpec): Promise<ChildResult> {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile);
  const started = performance.now();
  let tail = '';
  let timedOut = false;
  return new Promise((resolve) => {
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    if (spec.background && child.pid !== undefined) lowerPriority(child.pid);
    const onData = (d: Buffer): void => {
      log.write(d);
      tail = (tail + d.toString('utf8')).slice(-TAIL_CHARS);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGTERM');
      killer = setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS);
    }, spec.timeoutMs);
    let exit: { code: number | null; signal: string | null } | undefined;
    let drain: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      if (drain) clearTimeout(drain);
      running.delete(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const r = { exitCode: exit?.code ?? null, signal: exit?.signal ?? null, timedOut, durationMs: Math.round(performance.now() - started), outputTail: redact(tail) };
      log.end(() => resolve(r));
    };
    child.once('error', (e) => {
      tail += `\n${e.message}`;
      exit ??= { code: null, signal: null };
      finish();
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      // Workers of a timed-out or crashed run may outlive their parent (and hold the pipes open): end the group.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* the group is gone */
        }
      }
      drain = setTimeout(finish, KILL_GRACE_MS);
    });
    child.once('close', () => finish());
  });
}
