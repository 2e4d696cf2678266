/** Builds reports/index.html (and reports/run.json) from what the suites wrote under reports/. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, type ReportInputs } from './inputs.ts';
import { verdictOf, type VerdictResult } from './verdict.ts';
import type { RunMeta } from './types.ts';
import { page } from './html/page.ts';
import { matrixSection } from './html/matrix.ts';
import { failuresSection } from './html/failures.ts';
import { suitesSection } from './html/suites.ts';
import { loadSection } from './html/load.ts';
import { selfcheckSection } from './html/selfcheck.ts';
import { trendsSection } from './html/trends.ts';
import { calibrationSection } from './html/calibration.ts';
import { esc } from './html/escape.ts';
import { redact } from '../../src/core/redact.ts';

export type { RunMeta } from './types.ts';

/** The counts the `contracts` command prints, from the same verdict. */
function contractsSection(inp: ReportInputs): string {
  const { report, coverage, verdict: v } = inp.contracts;
  if (!report) return '<section id="contracts"><h2>Contracts</h2><p class="bad">The contract suite wrote no results.</p></section>';
  const c = v.counts;
  const duration = report.stats?.duration === undefined ? '' : ` — ${(report.stats.duration / 1000).toFixed(1)} s`;
  const harness = v.harness.length ? `, <strong class="bad">${v.harness.length}</strong> harness or configuration error(s)` : '';
  const drift = coverage?.drift ?? [];
  return `<section id="contracts"><h2>Contracts</h2>
<p><strong>${c.passed}</strong> passed, <strong class="${c.failed ? 'bad' : ''}">${c.failed}</strong> failed, ${c.inconclusive} inconclusive, ${c.skipped} skipped (not triggerable on this target)${harness}${duration}.
<a href="contracts/html/index.html">Playwright report</a> · <a href="contracts/junit.xml">JUnit</a> · <a href="contracts/coverage.md">coverage (markdown)</a></p>
${v.harness.length ? `<ul class="bad">${v.harness.slice(0, 10).map((h) => `<li>harness: ${esc(h)}</li>`).join('')}</ul>` : ''}
${drift.length ? `<details><summary>${drift.length} drift warning(s): doc-silent answers other than the expected ones, and fields the schemas do not list</summary><ul>${drift.map((d) => `<li>${esc(d)}</li>`).join('')}</ul></details>` : ''}
${retriesBlock(coverage, v.inconclusive)}</section>`;
}

/**
 * Retries and inconclusive calls: a lost answer (502, reset, timeout) or a throttle answer retried is
 * no verdict on the contract, but a run that needed many is worth a look; an inconclusive test is one
 * whose calls still failed after the retries (run again).
 */
function retriesBlock(coverage: ReportInputs['contracts']['coverage'], inconclusive: string[]): string {
  const transient = coverage?.transient ?? 0;
  const throttled = coverage?.throttled ?? 0;
  const applied = coverage?.appliedRetries ?? 0;
  const retried = coverage?.retried ?? [];
  const line = `<p id="retries">Retries: ${transient} lost answer(s) (HTTP 502/503/504, reset, timeout) sent again${applied ? `, ${applied} of them after the server had applied the write (undone and sent again)` : ''}; ${throttled} throttle answer(s) retried; ${inconclusive.length} test(s) inconclusive (calls still failing after the retries).</p>`;
  const tests = retried.length ? `<details><summary>${retried.length} test(s) passed after retrying</summary><ul>${retried.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></details>` : '';
  const incon = inconclusive.length ? `<details open><summary>${inconclusive.length} inconclusive test(s)</summary><ul>${inconclusive.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></details>` : '';
  return line + tests + incon;
}

export interface BuiltReport {
  file: string;
  verdict: VerdictResult;
  inputs: ReportInputs;
}

export function buildReport(dir: string, meta: RunMeta): BuiltReport {
  const inputs = readInputs(dir);
  const verdict = verdictOf(inputs);
  const links = [
    { label: 'Playwright report', href: 'contracts/html/index.html' },
    ...inputs.load.map((l) => ({ label: `load ${l.profile} dashboard`, href: `load/${l.profile}/index.html` })),
  ].filter((l) => existsSync(join(dir, l.href)));
  const html = page(meta, verdict, [calibrationSection(inputs), contractsSection(inputs), suitesSection(inputs.contracts.tests), matrixSection(inputs.contracts.coverage), failuresSection(inputs.contracts.tests), loadSection(inputs.load), trendsSection(dir), selfcheckSection(inputs.selfcheck)], links);
  const file = join(dir, 'index.html');
  writeFileSync(file, redact(html));
  writeFileSync(join(dir, 'run.json'), redact(JSON.stringify({ ...meta, verdict: verdict.verdict, reasons: verdict.reasons, missing: inputs.missing }, null, 2)));
  return { file, verdict, inputs };
}
