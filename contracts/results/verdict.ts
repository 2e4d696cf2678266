/**
 * The one verdict of a contracts run, from Playwright's results.json and the coverage reporter's
 * coverage.json: 0 all passed (and something ran), 1 a contract failed or the coverage gate failed,
 * 2 harness or configuration error (incl. nothing ran), 3 inconclusive (only throttled/unreachable).
 * The contracts command exits with it, the combined report shows it (`verdictWord`), the self-check
 * counts its failed tests — so the three cannot disagree.
 */
import type { CoverageFile } from '../coverage/file.ts';
import { contractTests, SOLO_PROJECTS, type JsonReport } from './playwright.ts';

export type { CoverageFile } from '../coverage/file.ts';
export type { JsonReport } from './playwright.ts';
export { readJson } from './files.ts';

export interface Verdict {
  exit: 0 | 1 | 2 | 3;
  reason: string;
  counts: { passed: number; failed: number; inconclusive: number; harness: number; skipped: number };
  failed: string[];
  inconclusive: string[];
  harness: string[];
  gate: CoverageFile['gate'] | 'missing';
  gateReason: string;
  drift: number;
}

export function judge(report: JsonReport | undefined, coverage: CoverageFile | undefined): Verdict {
  const v: Verdict = {
    exit: 0,
    reason: '',
    counts: { passed: 0, failed: 0, inconclusive: 0, harness: 0, skipped: 0 },
    failed: [],
    inconclusive: [],
    harness: [],
    gate: coverage?.gate ?? 'missing',
    gateReason: coverage?.gateReason ?? 'coverage.json was not written',
    drift: coverage?.drift?.length ?? 0,
  };
  if (!report) return { ...v, exit: 2, reason: 'Playwright produced no results.json (harness error)' };
  let ranInTarget = 0;
  for (const t of contractTests(report)) {
    if (t.outcome !== 'skipped' && !SOLO_PROJECTS.has(t.projectName)) ranInTarget++;
    if (t.outcome === 'skipped') v.counts.skipped++;
    else if (t.outcome === 'passed') v.counts.passed++;
    else if (t.outcome === 'harness') (v.counts.harness++, v.harness.push(t.name));
    else if (t.outcome === 'inconclusive') (v.counts.inconclusive++, v.inconclusive.push(t.name));
    else if (t.outcome === 'interrupted') (v.counts.harness++, v.harness.push(`${t.name} (interrupted)`));
    else (v.counts.failed++, v.failed.push(t.name));
  }
  const globalErrors = (report.errors ?? []).map((e) => (e.message ?? '').split('\n')[0] ?? '');
  v.harness.push(...globalErrors.map((m) => `global: ${m}`));
  if (v.counts.failed > 0) return { ...v, exit: 1, reason: `${v.counts.failed} contract test(s) failed` };
  if (v.harness.length > 0) return { ...v, exit: 2, reason: 'harness or configuration error' };
  if (v.gate === 'fail') return { ...v, exit: 1, reason: `coverage gate failed: ${v.gateReason}` };
  if (v.counts.inconclusive > 0) return { ...v, exit: 3, reason: `${v.counts.inconclusive} test(s) inconclusive (throttled beyond the retries or target unreachable); run again` };
  if (ranInTarget === 0) return { ...v, exit: 2, reason: 'nothing ran' };
  if (v.gate === 'incomplete' || v.gate === 'missing') return { ...v, exit: 2, reason: `the run is incomplete: ${v.gateReason}` };
  return { ...v, exit: 0, reason: 'all contract tests passed' };
}

/**
 * The verdict as the one word a report shows, derived from `exit` and nothing else: exit 2 is ERROR
 * when the harness itself failed (a test marked harness-error or config-error, an interrupted run, a
 * global error) and INCOMPLETE when there is simply nothing complete to judge (no results, nothing
 * ran, coverage not written). Both mean exit 2; neither is ever FAIL.
 */
export type VerdictWord = 'PASS' | 'FAIL' | 'ERROR' | 'INCOMPLETE' | 'INCONCLUSIVE';

export function verdictWord(v: Verdict): VerdictWord {
  if (v.exit === 0) return 'PASS';
  if (v.exit === 1) return 'FAIL';
  if (v.exit === 3) return 'INCONCLUSIVE';
  return v.harness.length > 0 ? 'ERROR' : 'INCOMPLETE';
}
