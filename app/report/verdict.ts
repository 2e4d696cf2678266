/** The one-word verdict of a run, from every part that ran. */
import type { ReportInputs } from './inputs.ts';

export type Verdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'INCOMPLETE';

export interface VerdictResult {
  verdict: Verdict;
  reasons: string[];
}

export function verdictOf(inp: ReportInputs): VerdictResult {
  const fail: string[] = [];
  const inconclusive: string[] = [];
  const stats = inp.contractStats;
  if (!inp.coverage || !stats) return { verdict: 'INCOMPLETE', reasons: ['the contract suite wrote no results'] };
  const failedTests = inp.tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped');
  const inconclusiveTests = failedTests.filter((t) => t.annotations.some((a) => a.type === 'inconclusive'));
  if (failedTests.length > inconclusiveTests.length) fail.push(`${failedTests.length - inconclusiveTests.length} contract test(s) failed`);
  if (inconclusiveTests.length) inconclusive.push(`${inconclusiveTests.length} contract test(s) inconclusive (throttled or unreachable)`);
  if (inp.coverage.gate === 'fail') fail.push(`coverage gate failed: ${inp.coverage.gateReason}`);
  for (const l of inp.load) {
    if (l.verdict === 'fail') fail.push(`load profile ${l.profile} failed${l.reason ? `: ${l.reason}` : ''}`);
    if (l.verdict === 'inconclusive') inconclusive.push(`load profile ${l.profile} inconclusive${l.reason ? `: ${l.reason}` : ''}`);
  }
  if (inp.selfcheck && inp.selfcheck.gate !== 'pass') fail.push('mutation self-check: not every variant was killed');
  if (fail.length) return { verdict: 'FAIL', reasons: [...fail, ...inconclusive] };
  if (inconclusive.length) return { verdict: 'INCONCLUSIVE', reasons: inconclusive };
  const passed = stats.expected;
  const load = inp.load.length ? `, load ${inp.load.map((l) => l.profile).join(' + ')} passed` : '';
  const self = inp.selfcheck ? `, self-check killed ${inp.selfcheck.variants.filter((v) => v.outcome === 'killed').length} of ${inp.selfcheck.variants.length} variants` : '';
  return { verdict: 'PASS', reasons: [`${passed} contract tests passed, coverage gate ${inp.coverage.gate}${load}${self}`] };
}
