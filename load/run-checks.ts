/** Run-level checks: leak check, results matched to operations, ceiling findings, soak drift. */
import type { CeilingFinding } from './analyse/ceiling.ts';
import type { LoadCommand } from './plan/commands.ts';
import type { LeakReport } from './setup/fixtures.ts';
import { leakAccountsText } from './report/summary.ts';
import { windowLatency } from './analyse/stats-merge.ts';
import type { CommandStats } from './analyse/stats.ts';
import type { CheckResult } from './analyse/thresholds.ts';
import { TOLERANCES } from './plan/tolerances.ts';

const LEAK_EXPECTED = 'get_contact_group of every run user is empty after teardown; then every run account is deleted (account_delete again answers ACCOUNT_NOT_FOUND)';

export function leakCheck(report: LeakReport | null, error?: string): CheckResult {
  if (!report) return { name: 'leak_check', command: 'run', passed: false, observed: `teardown did not finish: ${error ?? 'unknown'}`, expected: LEAK_EXPECTED };
  return {
    name: 'leak_check',
    command: 'run',
    passed: report.passed,
    observed: `${report.checkedUsers} users checked: ${report.leftoverGroups} groups, ${report.leftoverConversations} conversations left${leakAccountsText(report)}${report.examples[0] ? ` (${report.examples[0]})` : ''}`,
    expected: LEAK_EXPECTED,
  };
}

export function matchedCheck(unmatched: number, results: number): CheckResult {
  return { name: 'results_matched', command: 'run', passed: unmatched === 0, observed: `${unmatched} of ${results} results not traceable to an operation`, expected: 'every result URL maps (by its random) to one planned operation' };
}

export function ceilingChecks(findings: Map<LoadCommand, CeilingFinding>, documented: number): CheckResult[] {
  const least = documented * (1 - TOLERANCES.ceilingRelative);
  return [...findings].flatMap(([command, f]) => [
    { name: 'ceiling_found', command, passed: f.high !== undefined, observed: f.text, expected: 'throttling starts within the searched range' },
    {
      name: 'ceiling_not_below_documented',
      command,
      passed: (f.high === undefined || f.high > documented) && (f.ceiling === undefined || f.ceiling >= least),
      observed: `${f.high === undefined ? 'no step over the ceiling' : `first step over the ceiling at ${f.high}/s`}${f.ceiling === undefined ? '' : `; ceiling found ${f.ceiling}/s`}`,
      expected: `no step at or below the documented ${documented}/s over the ceiling (judged per whole window), and a ceiling found ≥ ${+least.toFixed(1)}/s`,
    },
  ]);
}

/** First and last windows of a soak: p95 latency and errors must not drift. */
export function soakDrift(s: CommandStats, seconds: number): CheckResult & { firstP95: number; lastP95: number; firstErrors: number; lastErrors: number; windowSeconds: number } {
  const w = Math.max(TOLERANCES.soakWindowMinMs, seconds * 1000 * TOLERANCES.soakWindowShare);
  const a = Math.floor(s.firstTs / s.windowMs) * s.windowMs;
  const z = Math.floor(s.lastTs / s.windowMs) * s.windowMs + s.windowMs;
  const first = windowLatency(s, a, a + w);
  const last = windowLatency(s, z - w, z);
  const errorsIn = (from: number, to: number): number =>
    [...s.series.values()].filter((p) => p.t >= from && p.t < to).reduce((n, p) => n + p.throttled + p.contractErrors + p.transport, 0);
  const firstErrors = errorsIn(a, a + w);
  const lastErrors = errorsIn(z - w, z);
  const firstP95 = first.percentile(95);
  const lastP95 = last.percentile(95);
  const limit = TOLERANCES.driftFactor * firstP95 + TOLERANCES.driftSlackMs;
  return {
    name: 'soak_drift',
    command: s.command,
    passed: lastP95 <= limit && lastErrors <= firstErrors,
    observed: `p95 ${firstP95.toFixed(2)} → ${lastP95.toFixed(2)} ms; errors ${firstErrors} → ${lastErrors} (first/last ${Math.round(w / 1000)} s)`,
    expected: `last p95 ≤ ${limit.toFixed(2)} ms and no more errors than the first window`,
    firstP95,
    lastP95,
    firstErrors,
    lastErrors,
    windowSeconds: Math.round(w / 1000),
  };
}
