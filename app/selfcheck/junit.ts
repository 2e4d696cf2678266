/** reports/selfcheck/junit.xml: one testcase per baseline and per variant (survived = failure, error = error). */
import type { BaselineResult, SelfcheckSummary, VariantResult } from './types.ts';

export const xmlEscape = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function baselineCase(b: BaselineResult): string {
  const head = `    <testcase classname="selfcheck.baseline" name="${xmlEscape(`correct emulator passes ${b.suite}`)}" time="${seconds(b.durationMs)}"`;
  if (b.passed) return `${head}/>`;
  const body = [b.detail, ...b.failedTests].join('\n');
  return `${head}>\n      <failure message="${xmlEscape(`the ${b.suite} suite fails on the correct emulator: ${b.detail}`)}">${xmlEscape(body)}</failure>\n    </testcase>`;
}

function variantCase(v: VariantResult): string {
  const head = `    <testcase classname="selfcheck.${v.killedBy}" name="${xmlEscape(v.name)}" time="${seconds(v.durationMs)}"`;
  const out = (text: string): string => `      <system-out>${xmlEscape(text)}</system-out>`;
  if (v.outcome === 'killed') {
    const confirmed = v.confirmedBy.length ? `\nfailed again on the confirming re-run:\n${v.confirmedBy.join('\n')}` : '';
    return `${head}>\n${out(`${v.description}\nkilled by:\n${v.failedTests.join('\n')}${confirmed}`)}\n    </testcase>`;
  }
  if (v.outcome === 'survived') {
    return `${head}>\n      <failure message="${xmlEscape(`survived: the ${v.killedBy} suite did not notice: ${v.description}`)}">${xmlEscape(v.detail)}</failure>\n    </testcase>`;
  }
  return `${head}>\n      <error message="${xmlEscape(`not judged: ${v.detail}`)}">${xmlEscape(v.description)}</error>\n    </testcase>`;
}

export function renderJUnit(s: SelfcheckSummary): string {
  const baselines = [s.baseline.contracts, ...(s.baseline.load ? [s.baseline.load] : [])];
  const failures = baselines.filter((b) => !b.passed).length + s.counts.survived;
  const tests = baselines.length + s.variants.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tcim-harness selfcheck" tests="${tests}" failures="${failures}" errors="${s.counts.error}" time="${seconds(s.wallMs)}">`,
    `  <testsuite name="selfcheck (kill rate ${(s.killRate * 100).toFixed(1)} %)" tests="${tests}" failures="${failures}" errors="${s.counts.error}" time="${seconds(s.wallMs)}" timestamp="${s.startedAt}">`,
    ...baselines.map(baselineCase),
    ...s.variants.map(variantCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
