/**
 * The batched contract runs of a self-check: every mutant with `seenBy` in one Playwright run (its seenBy
 * tests, each mutant against its own emulator, a failed test re-run once in a fresh worker to confirm the
 * kill), and every benign variant's whole suite in another, the two side by side. A mutant its seenBy
 * tests did not kill goes on to the whole suite in a run of its own (run.ts), as before.
 */
import { join } from 'node:path';
import type { ContractTest } from '../../contracts/index.ts';
import type { CatalogueVariant } from '../../src/emulator/variants/index.ts';
import { batchTimeoutMs, executeBatch, focusedEntry, suiteEntry, type BatchOutcome, type BatchSpec } from './batch.ts';
import { entryDurationMs, entryTests, judgeFocused, judgeSuite } from './batch-judge.ts';
import type { BenignVariant } from './benign.ts';
import { lastLine } from './classify.ts';
import { CATALOGUE_MODULE, seenByGrep } from './jobs.ts';
import type { BenignRun, Outcome } from './types.ts';

export interface BatchContext {
  selfcheckDir: string;
  logDir: string;
  /** --workers: with `parallel`, how many Playwright workers each batch has (a benign suite or a mutant's entry takes one). */
  workers: number;
  /** Runs at once: each batch has parallel × workers Playwright workers (a mutant's entry takes one). */
  parallel: number;
  /** Bound of one run; a batch gets one per round of its workers. */
  timeoutMs: number;
  /** Re-run a failed seenBy test once before counting the kill. */
  confirm: boolean;
  baseEnv: Record<string, string | undefined>;
  /** The batches run at the lowest CPU priority (the load runs go on beside them). */
  background: boolean;
  log: (line: string) => void;
  /** Runs one batch (tests replace it). */
  execute?: (b: BatchSpec) => Promise<BatchOutcome>;
}

/** The focused verdict of one mutant: killed and error are final; survived sends it to the whole suite. */
export interface FocusedResult {
  outcome: Outcome;
  detail: string;
  failedTests: string[];
  confirmedBy: string[];
  durationMs: number;
  reportDir: string;
  note?: string;
}

/** Why no entry of a batch can be judged (timeout, crash, no results), or undefined. */
export function batchProblem(o: BatchOutcome, timeoutMs: number): string | undefined {
  if (o.child.timedOut) return `the batch run timed out after ${(timeoutMs / 1000).toFixed(0)} s (process group killed)`;
  if (o.problem) return `the batch run left no results: ${o.problem}`;
  if (o.child.exitCode !== 0 && o.child.exitCode !== 1) return `the batch run ended with ${o.child.exitCode === null ? `signal ${o.child.signal ?? '?'}` : `exit ${o.child.exitCode}`}: ${lastLine(o.child.outputTail)}`;
  return undefined;
}

const RETRIES = 1;
const unconfirmedNote = (name: string): string => `its target.json does not name variant ${name}: check that the batch applies TCIM_EMULATOR_VARIANT`;

async function runBatch(c: BatchContext, spec: Omit<BatchSpec, 'timeoutMs' | 'baseEnv'>): Promise<{ outcome: BatchOutcome; problem?: string; tests: ContractTest[] }> {
  const timeoutMs = batchTimeoutMs(spec.entries.length, spec.workers, c.timeoutMs);
  const full: BatchSpec = { ...spec, timeoutMs, baseEnv: c.baseEnv, background: c.background };
  const outcome = await (c.execute ?? ((b: BatchSpec) => executeBatch(b, c.logDir)))(full);
  const problem = batchProblem(outcome, timeoutMs);
  return { outcome, tests: problem ? [] : (outcome.tests ?? []), ...(problem ? { problem } : {}) };
}

/** Mutants with seenBy, their seenBy tests all in one batch. */
export async function focusedBatch(c: BatchContext, mutants: readonly CatalogueVariant[]): Promise<Map<string, FocusedResult>> {
  const out = new Map<string, FocusedResult>();
  if (mutants.length === 0) return out;
  const retries = c.confirm ? RETRIES : 0;
  const entries = mutants.map((v) => focusedEntry(v.name, [seenByGrep(v) as string], retries, join(c.selfcheckDir, v.name)));
  const t0 = performance.now();
  // A mutant's worker spends much of its life starting (Playwright, the suite's modules): more of them than cores keeps the CPU busy.
  const workers = c.parallel * c.workers;
  c.log(`batch: ${mutants.length} mutant(s), their seenBy tests, ${workers} at a time${retries ? ', a failed test re-run once to confirm the kill' : ''}`);
  const { outcome, problem, tests } = await runBatch(c, { name: 'batch-mutants', dir: join(c.selfcheckDir, 'batch-mutants'), entries, workers, variantModule: CATALOGUE_MODULE });
  for (const [i, e] of entries.entries()) {
    const mine = entryTests(tests, i);
    const durationMs = entryDurationMs(mine);
    if (problem) {
      out.set(e.key, { outcome: 'error', detail: problem, failedTests: [], confirmedBy: [], durationMs, reportDir: e.reportDir });
      continue;
    }
    const v = judgeFocused(mine, retries);
    // A pass against a server that may not have been the variant proves nothing.
    const unconfirmed = outcome.unconfirmed.has(e.key);
    const outcomeOf: Outcome = unconfirmed && v.outcome === 'survived' ? 'error' : v.outcome;
    out.set(e.key, { ...v, outcome: outcomeOf, durationMs, reportDir: e.reportDir, ...(unconfirmed ? { note: unconfirmedNote(e.key) } : {}) });
  }
  const counts = [...out.values()].reduce<Record<string, number>>((n, r) => ({ ...n, [r.outcome]: (n[r.outcome] ?? 0) + 1 }), {});
  c.log(`batch: mutants done in ${((performance.now() - t0) / 1000).toFixed(1)}s — ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}${problem ? ` (${problem})` : ''}`);
  return out;
}

/** The latency a benign variant adds to an average call (its latency faults, weighted by probability). */
export const addedLatencyMs = (b: BenignVariant): number =>
  (b.config.faults ?? []).reduce((ms, f) => ms + (f?.kind === 'latency' ? (f.latencyMs ?? 0) * (f.probability ?? 1) : 0), 0);

/** Benign variants' whole suites, all in one batch. */
export async function suiteBatch(c: BatchContext, benign: readonly BenignVariant[]): Promise<Map<string, BenignRun>> {
  const out = new Map<string, BenignRun>();
  if (benign.length === 0) return out;
  // One worker a suite (its setup test first, in the same worker): two worker start-ups per suite instead of
  // four, and the batch's workers spread over the suites, as many at once as there are workers. A suite
  // whose server answers late waits more than it computes: it starts first, with --workers workers.
  const slowFirst = [...benign].sort((a, b) => addedLatencyMs(b) - addedLatencyMs(a));
  const entries = slowFirst.map((b) => suiteEntry(b.name, addedLatencyMs(b) > 0 ? c.workers : 1, join(c.selfcheckDir, 'benign', b.name, 'contracts')));
  const t0 = performance.now();
  c.log(`batch: ${benign.length} benign variant(s), the whole contract suite each in a worker of its own, ${c.workers * c.parallel} at a time`);
  const { outcome, problem, tests } = await runBatch(c, { name: 'batch-benign', dir: join(c.selfcheckDir, 'batch-benign'), entries, workers: c.workers * c.parallel });
  for (const [i, e] of entries.entries()) {
    const mine = entryTests(tests, i);
    const v = problem ? { outcome: 'error' as const, detail: problem, failedTests: [] } : judgeSuite(mine);
    const unconfirmed = outcome.unconfirmed.has(e.key);
    const result = unconfirmed && v.outcome === 'passed' ? 'error' : v.outcome;
    const detail = unconfirmed ? `${v.detail} (${unconfirmedNote(e.key)})` : v.detail;
    const exitCode = result === 'passed' ? 0 : result === 'failed' ? 1 : outcome.child.exitCode;
    out.set(e.key, { suite: 'contracts', outcome: result, exitCode, failedTests: v.failedTests, durationMs: entryDurationMs(mine), detail, reportDir: e.reportDir });
  }
  const bad = [...out.values()].filter((r) => r.outcome !== 'passed').length;
  c.log(`batch: benign done in ${((performance.now() - t0) / 1000).toFixed(1)}s — ${out.size - bad} passed, ${bad} not${problem ? ` (${problem})` : ''}`);
  return out;
}
