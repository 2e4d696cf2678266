/**
 * The self-check runner: the correct emulator through the contract suite first (the gate: it must
 * pass), then every contract variant (up to `parallel` at a time, each bounded in time; a kill is
 * confirmed by re-running its failed tests against the variant, so a flaky test never counts as a
 * kill), then — alone, so no other run competes for the CPU — the load baseline and the load variants
 * (profile `over`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueVariant } from '../../src/emulator/variants/index.ts';
import { spawnBounded } from './child.ts';
import { classifyBaseline, classifyVariant, confirmKill } from './classify.ts';
import { clock, secs } from './format.ts';
import { baselineJob, confirmJob, variantJob, type JobSettings } from './jobs.ts';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { mapPool } from '../../src/core/pool.ts';
import { readContractFailures, readLoadFailures } from './results.ts';
import { buildSummary, writeSelfcheckReports } from './summary.ts';
import type { BaselineResult, Job, JobResult, SelfcheckSummary, VariantResult } from './types.ts';

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
  /** Runs one job (tests replace it); default: spawn the CLI and read its report files. */
  execute?: (job: Job, timeoutMs: number) => Promise<JobResult>;
}

export async function executeJob(job: Job, timeoutMs: number, logDir: string): Promise<JobResult> {
  rmSync(job.reportDir, { recursive: true, force: true });
  mkdirSync(job.reportDir, { recursive: true });
  const child = await spawnBounded({ command: process.execPath, args: job.args, cwd: REPO_ROOT, env: job.env, timeoutMs, logFile: join(logDir, `${job.name}.log`) });
  const failures = job.suite === 'contracts' ? readContractFailures(job.reportDir) : readLoadFailures(job.reportDir);
  if (!failures.ok) return { child, failedTests: [], resultsProblem: failures.problem };
  const unconfirmed = job.suite === 'load-over' && job.variant !== undefined && !(failures.variants ?? []).includes(job.variant);
  return unconfirmed
    ? { child, failedTests: failures.failed, note: `the load summary does not name variant ${job.variant}: check that \`tcim-harness load\` applies TCIM_EMULATOR_VARIANT` }
    : { child, failedTests: failures.failed };
}

const toBaseline = (job: Job, r: JobResult, timeoutMs: number): BaselineResult => {
  const c = classifyBaseline(r, timeoutMs);
  return { suite: job.suite, passed: c.passed, exitCode: r.child.exitCode, failedTests: r.failedTests, durationMs: r.child.durationMs, detail: c.detail, reportDir: job.reportDir };
};

const notRun = (v: CatalogueVariant, job: Job, why: string): VariantResult => ({
  name: v.name,
  description: v.description,
  killedBy: v.killedBy,
  outcome: 'error',
  failedTests: [],
  confirmedBy: [],
  durationMs: 0,
  exitCode: null,
  detail: `not run: ${why}`,
  reportDir: job.reportDir,
});

export async function runSelfcheck(o: SelfcheckOptions): Promise<{ summary: SelfcheckSummary; files: { summary: string; junit: string } }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const log = o.log ?? (() => undefined);
  const selfcheckDir = join(o.reportsDir, 'selfcheck');
  const logDir = join(selfcheckDir, 'logs');
  const settings: JobSettings = { selfcheckDir, workers: o.workers, ...(o.env ? { baseEnv: o.env } : {}), ...(o.cli ? { cli: o.cli } : {}) };
  const execute = o.execute ?? ((job: Job, timeoutMs: number) => executeJob(job, timeoutMs, logDir));

  const contractEntries = o.entries.filter((e) => e.killedBy === 'contracts');
  const loadEntries = o.entries.filter((e) => e.killedBy === 'load-over');
  const total = 1 + contractEntries.length + (loadEntries.length ? 1 + loadEntries.length : 0);
  let started = 0;
  const elapsed = (): string => clock(performance.now() - t0);

  const run = async (job: Job): Promise<JobResult> => {
    const i = ++started;
    const tag = `[${String(i).padStart(String(total).length)}/${total}]`;
    log(`${tag} ${job.name} (${job.suite}) started — elapsed ${elapsed()}`);
    const r = await execute(job, o.timeoutMs);
    const verdict = job.variant === undefined ? (classifyBaseline(r, o.timeoutMs).passed ? 'pass' : 'FAIL') : classifyVariant(r, o.timeoutMs).outcome;
    const first = r.failedTests[0] ? ` — ${r.failedTests.length} failed, first: ${r.failedTests[0]}` : '';
    log(`${tag} ${job.name}: ${verdict} in ${secs(r.child.durationMs)}${first} — elapsed ${elapsed()}`);
    return r;
  };

  const variantResult = async (v: CatalogueVariant): Promise<VariantResult> => {
    const job = variantJob(v, settings);
    const r = await run(job);
    let c = classifyVariant(r, o.timeoutMs);
    let durationMs = r.child.durationMs;
    let confirmedBy: string[] = [];
    if (c.outcome === 'killed' && v.killedBy === 'contracts' && o.confirm !== false) {
      const cr = await execute(confirmJob(v, r.failedTests, settings), o.timeoutMs);
      c = confirmKill(r, cr, o.timeoutMs);
      durationMs += cr.child.durationMs;
      if (c.outcome === 'killed') confirmedBy = cr.failedTests;
      log(`${' '.repeat(String(total).length * 2 + 3)} ${v.name}: ${c.outcome === 'killed' ? 'kill confirmed' : 'kill NOT confirmed'} by a re-run in ${secs(cr.child.durationMs)} — elapsed ${elapsed()}`);
    }
    const detail = r.note ? `${c.detail} (${r.note})` : c.detail;
    return { name: v.name, description: v.description, killedBy: v.killedBy, outcome: c.outcome, failedTests: r.failedTests, confirmedBy, durationMs, exitCode: r.child.exitCode, detail, reportDir: job.reportDir };
  };

  // 1. The gate: the contract suite must pass on the correct emulator, else no variant result means anything.
  const contractsJob = baselineJob('contracts', settings);
  const contractsBaseline = toBaseline(contractsJob, await run(contractsJob), o.timeoutMs);
  const results = new Map<string, VariantResult>();
  let loadBaseline: BaselineResult | null = null;

  if (!contractsBaseline.passed) {
    log(`baseline failed (${contractsBaseline.detail}): no variant is run`);
    for (const v of o.entries) results.set(v.name, notRun(v, variantJob(v, settings), 'the contract suite fails on the correct emulator'));
  } else {
    // 2. Contract variants, `parallel` at a time.
    for (const r of await mapPool(contractEntries, o.parallel, variantResult)) results.set(r.name, r);
    // 3. Load: alone, one at a time (a concurrent suite would skew the rates).
    if (loadEntries.length) {
      const loadJob = baselineJob('load-over', settings);
      loadBaseline = toBaseline(loadJob, await run(loadJob), o.timeoutMs);
      for (const v of loadEntries) {
        results.set(v.name, loadBaseline.passed ? await variantResult(v) : notRun(v, variantJob(v, settings), 'the load profile over fails on the correct emulator'));
      }
    }
  }

  const summary = buildSummary({
    startedAt,
    finishedAt: new Date(),
    parallel: o.parallel,
    timeoutMs: o.timeoutMs,
    baseline: { contracts: contractsBaseline, load: loadBaseline },
    variants: o.entries.map((v) => results.get(v.name) as VariantResult),
  });
  return { summary, files: writeSelfcheckReports(selfcheckDir, summary) };
}
