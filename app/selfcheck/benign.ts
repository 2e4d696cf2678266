/**
 * The converse of the mutant catalogue: benign variants, servers that differ from the default emulator
 * only where the docs allow (src/emulator/variants/benign/). Each must pass every suite it goes through;
 * a failed test against one is a false failure — the gate a staging team would switch off.
 */
import { Exit } from '../../src/core/exit-codes.ts';
import { benignCatalogue, type BenignVariant } from '../../src/emulator/variants/index.ts';
import { classifyBaseline } from './classify.ts';
import type { BenignResult, BenignRun, Job, JobResult, KilledBy } from './types.ts';

export { benignCatalogue, type BenignVariant };

/**
 * The suites a benign variant goes through: always the whole contract suite; also the load profile
 * `over` when the variant changes how the rate limit is counted (its verdicts must hold for either
 * limiter shape the docs allow).
 */
export function benignSuites(v: Pick<BenignVariant, 'config'>): KilledBy[] {
  const c = v.config as { choices?: { limiter?: unknown }; throttle?: unknown } | undefined;
  return c?.choices?.limiter !== undefined || c?.throttle !== undefined ? ['contracts', 'load-over'] : ['contracts'];
}

/** passed = exit 0; failed = exit 1 with a failed test or check recorded (a false failure); error = anything else. */
export function classifyBenignRun(job: Job, r: JobResult, timeoutMs: number): BenignRun {
  const c = classifyBaseline(r, timeoutMs);
  const failed = !c.passed && r.child.exitCode === Exit.FAIL && !r.child.timedOut && r.failedTests.length > 0;
  // A pass against a server that may not have been the variant is no evidence: not judged.
  const outcome = c.passed ? (r.variantUnconfirmed ? 'error' : 'passed') : failed ? 'failed' : 'error';
  const detail = r.note ? `${c.detail} (${r.note})` : c.detail;
  return { suite: job.suite, outcome, exitCode: r.child.exitCode, failedTests: r.failedTests, durationMs: r.child.durationMs, detail, reportDir: job.reportDir };
}

/** A run that did not happen (its baseline failed): not judged, so not a pass. */
export const benignNotRun = (job: Job, why: string): BenignRun => ({ suite: job.suite, outcome: 'error', exitCode: null, failedTests: [], durationMs: 0, detail: `not run: ${why}`, reportDir: job.reportDir });

/** A variant's result from its runs: failed beats error beats passed (a proven false failure is the worst news). */
export function benignResult(v: BenignVariant, runs: BenignRun[]): BenignResult {
  const outcome = runs.some((r) => r.outcome === 'failed') ? 'failed' : runs.some((r) => r.outcome === 'error') || runs.length === 0 ? 'error' : 'passed';
  const bad = runs.filter((r) => r.outcome !== 'passed');
  const detail = bad.length ? bad.map((r) => `${r.suite}: ${r.detail}`).join('; ') : `passed ${runs.map((r) => r.suite).join(' and ')}`;
  return { name: v.name, description: v.description, docs: v.docs, outcome, runs, durationMs: runs.reduce((t, r) => t + r.durationMs, 0), detail };
}

/** The false failures of a result, each prefixed by its suite. */
export const falseFailures = (b: BenignResult): string[] => b.runs.flatMap((r) => r.failedTests.map((t) => (r.suite === 'contracts' ? t : `load over: ${t}`)));

