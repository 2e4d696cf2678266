/**
 * One child run of the self-check (spawn the CLI, read its report files, check the variant was applied)
 * and the results built without a run of their own: a baseline's, a mutant not run, a mutant judged in a batch.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueVariant } from '../../src/emulator/variants/index.ts';
import { projectDir } from '../../src/core/paths.ts';
import type { FocusedResult } from './batched.ts';
import { spawnBounded } from './child.ts';
import { classifyBaseline } from './classify.ts';
import { contractTargetVariant, readContractFailures, readLoadFailures } from './results.ts';
import type { BaselineResult, Job, JobResult, VariantResult } from './types.ts';

/** `background`: at the lowest CPU priority (a contracts run beside the load runs, see child.ts). */
export async function executeJob(job: Job, timeoutMs: number, logDir: string, background = false): Promise<JobResult> {
  rmSync(job.reportDir, { recursive: true, force: true });
  mkdirSync(job.reportDir, { recursive: true });
  const child = await spawnBounded({ command: process.execPath, args: job.args, cwd: projectDir(), env: job.env, timeoutMs, logFile: join(logDir, `${job.name}.log`), background });
  const failures = job.suite === 'contracts' ? readContractFailures(job.reportDir) : readLoadFailures(job.reportDir);
  if (!failures.ok) return { child, failedTests: [], resultsProblem: failures.problem };
  if (job.variant === undefined) return { child, failedTests: failures.failed };
  // A run that passes against a variant proves nothing unless the variant was applied: ask the run's own record.
  const named = job.suite === 'load-over' ? (failures.variants ?? []).includes(job.variant) : contractTargetVariant(job.reportDir) === job.variant;
  if (named) return { child, failedTests: failures.failed };
  const record = job.suite === 'load-over' ? 'the load summary' : 'the contracts target.json';
  const command = job.suite === 'load-over' ? 'load' : 'contracts';
  return { child, failedTests: failures.failed, variantUnconfirmed: true, note: `${record} does not name variant ${job.variant}: check that \`tcim-harness ${command}\` applies TCIM_EMULATOR_VARIANT` };
}

export const toBaseline = (job: Job, r: JobResult, timeoutMs: number): BaselineResult => {
  const c = classifyBaseline(r, timeoutMs);
  return { suite: job.suite, passed: c.passed, exitCode: r.child.exitCode, failedTests: r.failedTests, durationMs: r.child.durationMs, detail: c.detail, reportDir: job.reportDir };
};

export const notRun = (v: CatalogueVariant, job: Job, why: string): VariantResult => ({
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

/** A mutant judged by its seenBy tests in the batch (killed, or an error such as a kill not reproduced). */
export const fromFocused = (v: CatalogueVariant, f: FocusedResult): VariantResult => ({
  name: v.name,
  description: v.description,
  killedBy: v.killedBy,
  outcome: f.outcome,
  failedTests: f.failedTests,
  confirmedBy: f.confirmedBy,
  durationMs: f.durationMs,
  exitCode: f.outcome === 'killed' ? 1 : null,
  detail: [f.detail, f.note].filter(Boolean).join('; '),
  reportDir: f.reportDir,
  scope: 'seen-by',
});
