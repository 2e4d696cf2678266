/**
 * The one-word verdict of a run, from every part that ran. The contract part is not judged here: it
 * is the contracts' own verdict (contracts/results/verdict.ts), shown as a word, so the report and
 * the `contracts` exit code always agree (a harness error is ERROR — exit 2 — never FAIL).
 * Parts rank as the run's exit codes combine (app/run/exit.ts): ERROR / INCOMPLETE (2) over FAIL (1)
 * over INCONCLUSIVE (3) over PASS (0).
 */
import { verdictWord, type ContractResults, type VerdictWord } from '../../contracts/index.ts';
import { falseFailureShare, type ReportInputs } from './inputs.ts';

export type Verdict = VerdictWord;

export interface VerdictResult {
  verdict: Verdict;
  reasons: string[];
}

const RANK: Record<Verdict, number> = { PASS: 0, INCONCLUSIVE: 1, FAIL: 2, INCOMPLETE: 3, ERROR: 3 };

/** What the contract verdict found, one line each; its `reason` when nothing more specific applies. */
function contractFindings(c: ContractResults): string[] {
  const v = c.verdict;
  if (!c.report) return [`the contract suite wrote no results (${c.problems['results.json']?.problem ?? 'no results.json'})`];
  const out: string[] = [];
  if (v.counts.failed) out.push(`${v.counts.failed} contract test(s) failed`);
  if (v.harness.length) out.push(`${v.harness.length} harness or configuration error(s) in the contract run, e.g. ${v.harness[0]}`);
  if (v.gate === 'fail') out.push(`coverage gate failed: ${v.gateReason}`);
  if (v.counts.inconclusive) out.push(`${v.counts.inconclusive} contract test(s) inconclusive (throttled or unreachable)`);
  return out.length ? out : [v.reason];
}

/** Why the self-check gate failed: mutants not killed and/or benign variants that did not pass. */
function selfcheckFailure(s: NonNullable<ReportInputs['selfcheck']>): string {
  const notKilled = s.variants.filter((v) => v.outcome !== 'killed').length;
  const ff = falseFailureShare(s);
  const parts = [...(notKilled ? [`${notKilled} of ${s.variants.length} variants not killed`] : []), ...(ff.bad ? [`${ff.bad} of ${ff.total} benign variants failed (false failures)`] : [])];
  return `mutation self-check: ${parts.length ? parts.join(', ') : 'the suites fail on the correct emulator (baseline)'}`;
}

const benignPassed = (s: NonNullable<ReportInputs['selfcheck']>): string => {
  const ff = falseFailureShare(s);
  return ff.total ? `, ${ff.total - ff.bad} of ${ff.total} benign variants passed` : '';
};

export function verdictOf(inp: ReportInputs): VerdictResult {
  const findings: { level: Verdict; text: string }[] = [];
  const c = inp.contracts.verdict;
  const contract = verdictWord(c);
  if (contract !== 'PASS') findings.push(...contractFindings(inp.contracts).map((text) => ({ level: contract, text })));
  for (const l of inp.load) {
    if (l.verdict === 'fail') findings.push({ level: 'FAIL', text: `load profile ${l.profile} failed${l.reason ? `: ${l.reason}` : ''}` });
    if (l.verdict === 'inconclusive') findings.push({ level: 'INCONCLUSIVE', text: `load profile ${l.profile} inconclusive${l.reason ? `: ${l.reason}` : ''}` });
  }
  const cal = inp.calibration;
  if (cal?.strict && cal.drift.length) findings.push({ level: 'FAIL', text: `${cal.drift.length} doc-silent answer(s) differ from ${cal.file} (--strict): ${cal.drift.map((d) => d.field).join(', ')}` });
  if (inp.selfcheck && inp.selfcheck.gate !== 'pass') findings.push({ level: 'FAIL', text: selfcheckFailure(inp.selfcheck) });
  if (findings.length) {
    const ranked = [...findings].sort((a, b) => RANK[b.level] - RANK[a.level]);
    return { verdict: (ranked[0] as { level: Verdict }).level, reasons: ranked.map((f) => f.text) };
  }
  const load = inp.load.length ? `, load ${inp.load.map((l) => l.profile).join(' + ')} passed` : '';
  const self = inp.selfcheck ? `, self-check killed ${inp.selfcheck.variants.filter((v) => v.outcome === 'killed').length} of ${inp.selfcheck.variants.length} variants${benignPassed(inp.selfcheck)}` : '';
  return { verdict: 'PASS', reasons: [`${c.counts.passed} contract tests passed, coverage gate ${c.gate}${load}${self}`] };
}
