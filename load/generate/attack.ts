/**
 * One vegeta attack: `vegeta attack -lazy -format=json -rate=R/1s -duration=D`, fed on stdin.
 * Results go to a file, then `vegeta encode --to=json` is streamed line by line into the analyser;
 * the file holds signed URLs, so it lives in a private temp directory and is deleted. Runs whose
 * results would exceed STREAM_THRESHOLD (≈ 250 MB; long soaks) pipe attack → encode → analyser
 * live instead, so no multi-GB file is written.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Analyser, type AnalyseOptions, type AttackAnalysis } from '../analyse/analyse.ts';
import { cpuUse, processCpuSeconds, reapedChildrenCpuSeconds, type CpuUse } from './cpu.ts';
import { Feeder } from './feeder.ts';
import { GobResultCounter } from './gob-count.ts';
import type { AttackPlan } from '../plan/plan.ts';
import { startProc } from './proc.ts';
import { TargetWriter, type SignedTarget } from './vegeta-targets.ts';
import { attackArgs, workersFor } from './vegeta.ts';

/** Planned results above which the attack is analysed live rather than through a results file. */
export const STREAM_THRESHOLD = 300_000;

export interface AttackSpec {
  plan: AttackPlan;
  /** Loopback sink for the filler hits of a scenario plan (generate/sink.ts). */
  sinkUrl?: string;
  target: SignedTarget;
  vegeta: string;
  workDir: string;
  name: string;
  timeoutMs: number;
  analyse: Omit<AnalyseOptions, 'plan'>;
  /** Pid of the embedded emulator, for its CPU use. */
  emulatorPid?: number;
  /** About once per second while the attack runs: results so far. */
  onProgress?: (p: { elapsedMs: number; calls: number }) => void;
  /** Stops the attack early (vegeta gets SIGINT and still writes what it has). */
  signal?: AbortSignal;
  /** Force live analysis (default: only above STREAM_THRESHOLD planned results). */
  stream?: boolean;
}

export interface AttackOutcome {
  analysis: AttackAnalysis;
  startedAt: string;
  wallSeconds: number;
  generator: CpuUse | null;
  emulator: CpuUse | null;
  workers: { workers: number; maxWorkers: number };
  streamed: boolean;
}

export class VegetaFailedError extends Error {
  override name = 'VegetaFailedError';
}

export async function runAttack(spec: AttackSpec): Promise<AttackOutcome> {
  const { plan } = spec;
  const stream = spec.stream ?? plan.count > STREAM_THRESHOLD;
  const file = join(spec.workDir, `${spec.name}.bin`);
  const workers = workersFor(plan.schedule.total);
  const args = attackArgs({ rate: plan.schedule.total, seconds: plan.seconds, output: stream ? 'stdout' : file, timeoutMs: spec.timeoutMs, ...workers });
  const cpu0 = reapedChildrenCpuSeconds();
  const emu0 = spec.emulatorPid ? processCpuSeconds(spec.emulatorPid) : null;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const attack = startProc(spec.vegeta, args, ['pipe', stream ? 'pipe' : 'ignore', 'pipe']);
  const feeder = new Feeder(new TargetWriter(plan, spec.target, spec.sinkUrl), plan.count + plan.schedule.total);
  const analyser = new Analyser({ plan, ...spec.analyse });
  const live = stream ? analyseProc(spec.vegeta, ['encode', '--to=json'], attack.child.stdout as Readable, analyser) : undefined;
  live?.catch(() => {}); // awaited below; this only keeps an early attack failure from leaving it unhandled
  // encode holds its own copy of the pipe; the parent's copy is never read and would keep 'close' from firing
  if (stream) attack.child.stdout?.destroy();
  const counter = stream ? undefined : new GobResultCounter(file);
  let attackCpu: number | null = null;
  const pid = attack.child.pid;
  const tick = setInterval(() => {
    if (stream && pid) attackCpu = processCpuSeconds(pid) ?? attackCpu;
    spec.onProgress?.({ elapsedMs: performance.now() - t0, calls: counter ? counter.poll() : analyser.count });
  }, 1000);
  const stop = (): void => void attack.child.kill('SIGINT');
  // An interrupted run stops vegeta within a bound: SIGINT (it writes what it has), then SIGKILL.
  const abort = (): void => {
    stop();
    setTimeout(() => attack.child.kill('SIGKILL'), 5000).unref();
  };
  spec.signal?.addEventListener('abort', abort, { once: true });
  const watchdog = setTimeout(() => {
    stop();
    setTimeout(() => attack.child.kill('SIGKILL'), 5000).unref();
  }, plan.seconds * 1000 + spec.timeoutMs + 15_000);
  try {
    void feeder.run(attack.child.stdin as NonNullable<typeof attack.child.stdin>);
    const code = await attack.exited;
    feeder.stop();
    const wallSeconds = (performance.now() - t0) / 1000;
    const emu1 = spec.emulatorPid ? processCpuSeconds(spec.emulatorPid) : null;
    const cpu1 = reapedChildrenCpuSeconds();
    if (code !== 0 && !(spec.signal?.aborted && code === 128)) throw new VegetaFailedError(`vegeta attack exited with ${code}: ${attack.stderrTail()}`);
    const analysis = live ? await live : await analyseProc(spec.vegeta, ['encode', '--to=json', file], undefined, analyser);
    const generatorCpu = stream ? attackCpu : cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
    return {
      analysis,
      startedAt,
      wallSeconds,
      generator: cpuUse(generatorCpu, wallSeconds),
      emulator: cpuUse(emu0 === null || emu1 === null ? null : emu1 - emu0, wallSeconds),
      workers,
      streamed: stream,
    };
  } finally {
    clearInterval(tick);
    clearTimeout(watchdog);
    spec.signal?.removeEventListener('abort', abort);
    counter?.close();
    rmSync(file, { force: true });
  }
}

/** `vegeta encode --to=json` (from a file argument or from `input`), each line into the analyser. */
async function analyseProc(vegeta: string, args: string[], input: Readable | undefined, a: Analyser): Promise<AttackAnalysis> {
  const enc = startProc(vegeta, args, [input ?? 'ignore', 'pipe', 'pipe']);
  for await (const line of createInterface({ input: enc.child.stdout as Readable, crlfDelay: Infinity })) a.line(line);
  const code = await enc.exited;
  if (code !== 0) throw new VegetaFailedError(`vegeta encode exited with ${code}: ${enc.stderrTail()}`);
  return a.finish();
}
