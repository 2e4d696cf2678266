/**
 * reports/selfcheck/junit.xml: one testcase per baseline and per variant (survived = failure, error =
 * error, killed = passed with the killing tests as output). The XML is written by src/format/junit.ts.
 */
import { junitXml, type JUnitCase } from '../../src/format/index.ts';
import type { BaselineResult, SelfcheckSummary, VariantResult } from './types.ts';

function baselineCase(b: BaselineResult): JUnitCase {
  const c: JUnitCase = { classname: 'selfcheck.baseline', name: `correct emulator passes ${b.suite}`, timeMs: b.durationMs };
  if (b.passed) return c;
  return { ...c, failure: { message: `the ${b.suite} suite fails on the correct emulator: ${b.detail}`, body: [b.detail, ...b.failedTests].join('\n') } };
}

function variantCase(v: VariantResult): JUnitCase {
  const c: JUnitCase = { classname: `selfcheck.${v.killedBy}`, name: v.name, timeMs: v.durationMs };
  if (v.outcome === 'killed') {
    const confirmed = v.confirmedBy.length ? `\nfailed again on the confirming re-run:\n${v.confirmedBy.join('\n')}` : '';
    return { ...c, systemOut: `${v.description}\nkilled by:\n${v.failedTests.join('\n')}${confirmed}` };
  }
  if (v.outcome === 'survived') return { ...c, failure: { message: `survived: the ${v.killedBy} suite did not notice: ${v.description}`, body: v.detail } };
  return { ...c, error: { message: `not judged: ${v.detail}`, body: v.description } };
}

export function renderJUnit(s: SelfcheckSummary): string {
  const baselines = [s.baseline.contracts, ...(s.baseline.load ? [s.baseline.load] : [])];
  return junitXml({
    name: 'tcim-harness selfcheck',
    timeMs: s.wallMs,
    suites: [{ name: `selfcheck (kill rate ${(s.killRate * 100).toFixed(1)} %)`, timeMs: s.wallMs, timestamp: s.startedAt, cases: [...baselines.map(baselineCase), ...s.variants.map(variantCase)] }],
  });
}
