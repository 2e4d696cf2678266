/**
 * The self-check runner: the correct emulator through the contract suite first (the gate: it must
 * pass), then, up to `parallel` at a time, every benign variant through the whole contract suite (each
 * must pass: a failure is a false failure) and every contract mutant — first only the tests of its
 * `seenBy` (the whole suite when they miss it), a kill confirmed by re-running its failed tests against
 * the variant, so a flaky test never counts as a kill — then, alone, so no other run competes for the
 * CPU, the load baseline, the load mutants and the benign variants of the rate limiter (profile `over`).
 * Batched (`batch`, the CLI's default; batched.ts): the benign suites in one Playwright run and the
 * mutants' seenBy tests in another, side by side, a failed seenBy test re-run once in a fresh worker of
 * that run instead of a confirming run of its own; the whole-suite runs stay one run per mutant. The
 * load runs, one at a time, go on beside the batches: every contracts run then has the lowest CPU
 * priority (nice 19), so the load generator and its emulator get a core whenever they want one.
 */
import { join } from 'node:path';
import type { CatalogueVariant } from '../../src/emulator/variants/index.ts';
import { executeJob, fromFocused, notRun, toBaseline } from './execute.ts';
import { classifyBaseline, classifyVariant, confirmKill } from './classify.ts';
import { clock, secs } from './format.ts';
import { benignJob, baselineJob, confirmJob, focusedJob, fullSuiteJob, seenByGrep, variantJob, type JobSettings } from './jobs.ts';
import { benignNotRun, benignResult, benignSuites, classifyBenignRun, type BenignVariant } from './benign.ts';
import { focusedBatch, suiteBatch, type BatchContext, type FocusedResult } from './batched.ts';
import type { BatchOutcome, BatchSpec } from './batch.ts';
import { mapPool } from '../../src/core/pool.ts';
import { buildSummary, writeSelfcheckReports } from './summary.ts';
import type { BaselineResult, BenignRun, Job, JobResult, KilledBy, SelfcheckSummary, VariantResult } from './types.ts';

export { executeJob } from './execute.ts';

export interface SelfcheckOptions {
  /** The catalogue variants to run, in order. */
  entries: readonly CatalogueVariant[];
  /** Variant runs in flight at once (contract variants only). */
  parallel: number;
  /** Bound of every child run; the process group is killed after it. */
  timeoutMs: number;
  /** The reports root; the self-check writes under `<reportsDir>/selfcheck/`. */
  reportsDir: string;
  /** Playwright workers per contracts run. */
  workers: number;
  /** The tcim-harness entry script (default bin/tcim-harness.js). */
  cli?: string;
  /** Re-run the failed tests of every contracts kill against the variant (default true). */
  confirm?: boolean;
  env?: Record<string, string | undefined>;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Benign variants (servers that differ only where the docs allow): each must pass (default none). */
  benign?: readonly BenignVariant[];
  /** Runs one job (tests replace it); default: spawn the CLI and read its report files. */
  execute?: (job: Job, timeoutMs: number) => Promise<JobResult>;
  /**
   * Batch the contract runs (batched.ts): every mutant's seenBy tests in one Playwright run, every benign
   * suite in another, side by side (default false: one run per variant).
   */
  batch?: boolean;
  /** Runs one batch (tests replace it); default: spawn Playwright with the batch plan. */
  executeBatch?: (b: BatchSpec) => Promise<BatchOutcome>;
}

export async function runSelfcheck(o: SelfcheckOptions): Promise<{ summary: SelfcheckSummary; files: { summary: string; junit: string } }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const log = o.log ?? (() => undefined);
  const selfcheckDir = join(o.reportsDir, 'selfcheck');
  const logDir = join(selfcheckDir, 'logs');
  const settings: JobSettings = { selfcheckDir, workers: o.workers, ...(o.env ? { baseEnv: o.env } : {}), ...(o.cli ? { cli: o.cli } : {}) };
  // Set while the load runs go on beside the contract runs: those then run in the background (child.ts).
  let beside = false;
  const execute = o.execute ?? ((job: Job, timeoutMs: number) => executeJob(job, timeoutMs, logDir, beside && job.suite === 'contracts'));

  const benign = o.benign ?? [];
  const contractEntries = o.entries.filter((e) => e.killedBy === 'contracts');
  const loadEntries = o.entries.filter((e) => e.killedBy === 'load-over');
  const benignLoad = benign.filter((b) => benignSuites(b).includes('load-over'));
  const needsLoad = loadEntries.length + benignLoad.length > 0;
  // Runs planned; a whole-suite fallback of a mutant whose seenBy tests missed it adds one.
  // Batched: the mutants with seenBy and the benign suites run in two batches, not counted as runs here.
  const batched = o.batch === true;
  const perRun = batched ? contractEntries.filter((v) => seenByGrep(v) === undefined).length : benign.length + contractEntries.length;
  let total = 1 + perRun + (needsLoad ? 1 + loadEntries.length + benignLoad.length : 0);
  let started = 0;
  const elapsed = (): string => clock(performance.now() - t0);
  const pad = ' '.repeat(String(total).length * 2 + 3);

  const run = async (job: Job, judge: (r: JobResult) => string): Promise<JobResult> => {
    const i = ++started;
    const tag = `[${String(i).padStart(String(total).length)}/${total}]`;
    log(`${tag} ${job.name} (${job.suite}) started — elapsed ${elapsed()}`);
    const r = await execute(job, o.timeoutMs);
    const first = r.failedTests[0] ? ` — ${r.failedTests.length} failed, first: ${r.failedTests[0]}` : '';
    log(`${tag} ${job.name}: ${judge(r)} in ${secs(r.child.durationMs)}${first} — elapsed ${elapsed()}`);
    return r;
  };
  const asBaseline = (r: JobResult): string => (classifyBaseline(r, o.timeoutMs).passed ? 'pass' : 'FAIL');
  const asVariant = (r: JobResult): string => classifyVariant(r, o.timeoutMs).outcome;
  const sub = (line: string): void => log(`${pad} ${line} — elapsed ${elapsed()}`);

  /**
   * A mutant: its `seenBy` tests first (the cheap run); when they do not kill it, the whole suite. A
   * contracts kill is then confirmed by re-running its failed tests against the variant.
   */
  const variantResult = async (v: CatalogueVariant, prior?: FocusedResult): Promise<VariantResult> => {
    // `prior`: its seenBy tests already ran (in the batch) and did not kill it.
    const focused = prior ? undefined : focusedJob(v, settings);
    let job = focused ?? (prior ? fullSuiteJob(v, settings) : variantJob(v, settings));
    let r = prior ? undefined : await run(job, asVariant);
    let c = r ? classifyVariant(r, o.timeoutMs) : { outcome: prior?.outcome ?? 'survived', detail: prior?.detail ?? '' };
    let durationMs = (r?.child.durationMs ?? 0) + (prior?.durationMs ?? 0);
    let missed = '';
    if ((focused || prior) && c.outcome !== 'killed') {
      missed = `its seenBy tests did not kill it (${c.outcome}: ${c.detail}), the whole suite did: update seenBy`;
      sub(`${v.name}: seenBy tests ${c.outcome}; running the whole suite`);
      total += 1;
      job = fullSuiteJob(v, settings);
      r = await run(job, asVariant);
      c = classifyVariant(r, o.timeoutMs);
      durationMs += r.child.durationMs;
      if (c.outcome !== 'killed') missed = `its seenBy tests did not kill it either`;
    }
    if (!r) throw new Error('unreachable: a mutant without a run');
    let confirmedBy: string[] = [];
    if (c.outcome === 'killed' && v.killedBy === 'contracts' && o.confirm !== false) {
      const cr = await execute(confirmJob(v, r.failedTests, settings), o.timeoutMs);
      c = confirmKill(r, cr, o.timeoutMs);
      durationMs += cr.child.durationMs;
      if (c.outcome === 'killed') confirmedBy = cr.failedTests;
      sub(`${v.name}: ${c.outcome === 'killed' ? 'kill confirmed' : 'kill NOT confirmed'} by a re-run in ${secs(cr.child.durationMs)}`);
    }
    const detail = [c.detail, r.note, missed].filter(Boolean).join('; ');
    const scope = focused && !missed ? 'seen-by' : 'full-suite';
    const seenByMissed = (focused !== undefined || prior !== undefined) && scope === 'full-suite' && c.outcome === 'killed';
    return { name: v.name, description: v.description, killedBy: v.killedBy, outcome: c.outcome, failedTests: r.failedTests, confirmedBy, durationMs, exitCode: r.child.exitCode, detail, reportDir: job.reportDir, scope, seenByMissed };
  };

  const benignRun = async (b: BenignVariant, suite: KilledBy): Promise<BenignRun> => {
    const job = benignJob(b, suite, settings);
    const r = await run(job, (x) => classifyBenignRun(job, x, o.timeoutMs).outcome);
    return classifyBenignRun(job, r, o.timeoutMs);
  };

  // 1. The gate: the contract suite must pass on the correct emulator, else no variant result means anything.
  const contractsJob = baselineJob('contracts', settings);
  const contractsBaseline = toBaseline(contractsJob, await run(contractsJob, asBaseline), o.timeoutMs);
  const results = new Map<string, VariantResult>();
  const benignRuns = new Map<string, BenignRun[]>(benign.map((b) => [b.name, []]));
  let loadBaseline: BaselineResult | null = null;

  // 3. Load: one at a time, never two load runs together (they would skew each other's rates).
  const loadPhase = async (): Promise<void> => {
    const loadJob = baselineJob('load-over', settings);
    loadBaseline = toBaseline(loadJob, await run(loadJob, asBaseline), o.timeoutMs);
    const passed = loadBaseline.passed;
    const why = 'the load profile over fails on the correct emulator';
    for (const v of loadEntries) results.set(v.name, passed ? await variantResult(v) : notRun(v, variantJob(v, settings), why));
    for (const b of benignLoad) benignRuns.get(b.name)?.push(passed ? await benignRun(b, 'load-over') : benignNotRun(benignJob(b, 'load-over', settings), why));
  };

  if (!contractsBaseline.passed) {
    log(`baseline failed (${contractsBaseline.detail}): no variant is run`);
    const why = 'the contract suite fails on the correct emulator';
    for (const v of o.entries) results.set(v.name, notRun(v, variantJob(v, settings), why));
    for (const b of benign) for (const suite of benignSuites(b)) benignRuns.get(b.name)?.push(benignNotRun(benignJob(b, suite, settings), why));
  } else if (batched) {
    // 2. Batched: the benign suites in one batch and, beside it, the mutants' seenBy tests in another; a
    // mutant they did not kill then goes through the whole suite (as does one without seenBy), `parallel` at a time.
    beside = needsLoad;
    const ctx: BatchContext = { selfcheckDir, logDir, workers: o.workers, parallel: o.parallel, timeoutMs: o.timeoutMs, confirm: o.confirm !== false, baseEnv: o.env ?? process.env, background: beside, log: (l) => log(`${l} — elapsed ${elapsed()}`), ...(o.executeBatch ? { execute: o.executeBatch } : {}) };
    const seen = contractEntries.filter((v) => seenByGrep(v) !== undefined);
    const benignTask = suiteBatch(ctx, benign).then((runs) => {
      for (const b of benign) benignRuns.get(b.name)?.push(runs.get(b.name) ?? benignNotRun(benignJob(b, 'contracts', settings), 'missing from the batch'));
    });
    const mutantTask = focusedBatch(ctx, seen).then(async (focused) => {
      for (const v of seen) {
        const f = focused.get(v.name);
        if (f && f.outcome !== 'survived') results.set(v.name, fromFocused(v, f));
      }
      const rest = contractEntries.filter((v) => !results.has(v.name));
      await mapPool(rest, o.parallel, async (v) => results.set(v.name, await variantResult(v, focused.get(v.name))));
    });
    await Promise.all([benignTask, mutantTask, needsLoad ? loadPhase() : undefined]);
    beside = false;
  } else {
    // 2. Contract runs, `parallel` at a time: the benign variants first (whole-suite runs, the longest), then the mutants.
    type Task = { benign: BenignVariant } | { mutant: CatalogueVariant };
    const tasks: Task[] = [...benign.map((b) => ({ benign: b })), ...contractEntries.map((m) => ({ mutant: m }))];
    await mapPool(tasks, o.parallel, async (t) => {
      if ('benign' in t) benignRuns.get(t.benign.name)?.push(await benignRun(t.benign, 'contracts'));
      else results.set(t.mutant.name, await variantResult(t.mutant));
    });
  }
  // Not batched: the load runs after the contract runs, alone on the CPU.
  if (contractsBaseline.passed && needsLoad && !batched) await loadPhase();

  const summary = buildSummary({
    startedAt,
    finishedAt: new Date(),
    parallel: o.parallel,
    timeoutMs: o.timeoutMs,
    baseline: { contracts: contractsBaseline, load: loadBaseline },
    variants: o.entries.map((v) => results.get(v.name) as VariantResult),
    benign: benign.map((b) => benignResult(b, benignRuns.get(b.name) ?? [])),
  });
  return { summary, files: writeSelfcheckReports(selfcheckDir, summary) };
}
