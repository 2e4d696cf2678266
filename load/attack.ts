/**
 * One vegeta attack: `vegeta attack -lazy -format=json -rate=R/1s -duration=D` fed on stdin,
 * results to a file, then `vegeta encode --to=json` streamed line by line into the analyser.
 * The results file holds signed URLs, so it lives in a private temp directory and is deleted.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { redact } from '../src/client/index.ts';
import { Analyser, type AnalyseOptions, type AttackAnalysis } from './analyse.ts';
import { cpuUse, processCpuSeconds, reapedChildrenCpuSeconds, type CpuUse } from './cpu.ts';
import { Feeder } from './feeder.ts';
import { GobResultCounter } from './gob-count.ts';
import type { Plan } from './plan.ts';
import { TargetWriter, type SignedTarget } from './targets.ts';
import { attackArgs, workersFor } from './vegeta.ts';

export interface AttackSpec {
  plan: Plan;
  target: SignedTarget;
  vegeta: string;
  workDir: string;
  name: string;
  timeoutMs: number;
  analyse: Omit<AnalyseOptions, 'plan'>;
  /** Pid of the embedded emulator, for its CPU use. */
  emulatorPid?: number;
  /** About once per second while the attack runs: results written so far. */
  onProgress?: (p: { elapsedMs: number; calls: number }) => void;
}

export interface AttackOutcome {
  analysis: AttackAnalysis;
  startedAt: string;
  wallSeconds: number;
  generator: CpuUse | null;
  emulator: CpuUse | null;
  workers: { workers: number; maxWorkers: number };
}

export class VegetaFailedError extends Error {
  override name = 'VegetaFailedError';
}

const tail = (s: string): string => redact(s.trim().split('\n').slice(-5).join('\n'));

export async function runAttack(spec: AttackSpec): Promise<AttackOutcome> {
  const { plan } = spec;
  const output = join(spec.workDir, `${spec.name}.bin`);
  const workers = workersFor(plan.schedule.total);
  const args = attackArgs({ rate: plan.schedule.total, seconds: plan.seconds, output, timeoutMs: spec.timeoutMs, ...workers });
  const cpu0 = reapedChildrenCpuSeconds();
  const emu0 = spec.emulatorPid ? processCpuSeconds(spec.emulatorPid) : null;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const child = spawn(spec.vegeta, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  const feeder = new Feeder(new TargetWriter(plan, spec.target), plan.count + plan.schedule.total);
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const counter = new GobResultCounter(output);
  const progress = setInterval(() => spec.onProgress?.({ elapsedMs: performance.now() - t0, calls: counter.poll() }), 1000);
  const limitMs = plan.seconds * 1000 + spec.timeoutMs + 15_000;
  const watchdog = setTimeout(() => {
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  }, limitMs);
  try {
    void feeder.run(child.stdin);
    const code = await exited;
    feeder.stop();
    const wallSeconds = (performance.now() - t0) / 1000;
    const emu1 = spec.emulatorPid ? processCpuSeconds(spec.emulatorPid) : null;
    const cpu1 = reapedChildrenCpuSeconds();
    if (code !== 0) throw new VegetaFailedError(`vegeta attack exited with ${code}: ${tail(stderr)}`);
    const analysis = await encodeAndAnalyse(spec.vegeta, output, { plan, ...spec.analyse });
    return {
      analysis,
      startedAt,
      wallSeconds,
      generator: cpuUse(cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, wallSeconds),
      emulator: cpuUse(emu0 === null || emu1 === null ? null : emu1 - emu0, wallSeconds),
      workers,
    };
  } finally {
    clearInterval(progress);
    counter.close();
    clearTimeout(watchdog);
    rmSync(output, { force: true });
  }
}

async function encodeAndAnalyse(vegeta: string, file: string, o: AnalyseOptions): Promise<AttackAnalysis> {
  const enc = spawn(vegeta, ['encode', '--to=json', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  enc.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    enc.once('error', reject);
    enc.once('close', (code) => resolve(code ?? 1));
  });
  const a = new Analyser(o);
  for await (const line of createInterface({ input: enc.stdout, crlfDelay: Infinity })) a.line(line);
  const code = await exited;
  if (code !== 0) throw new VegetaFailedError(`vegeta encode exited with ${code}: ${tail(stderr)}`);
  return a.finish();
}
