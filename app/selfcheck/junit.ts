/**
 * reports/selfcheck/junit.xml: one testcase per baseline, per mutant (survived = failure, error = error,
 * killed = passed with the killing tests as output) and per benign variant (a false failure = failure). The XML is written by src/format/junit.ts.
 */
import { junitXml, type JUnitCase } from '../../src/format/index.ts';
import { falseFailures } from './benign.ts';
import type { BaselineResult, BenignResult, SelfcheckSummary, VariantResult } from './types.ts';

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

/** A benign variant: passed = passed; a false failure = failure (with the failed tests); not judged = error. */
function benignCase(b: BenignResult): JUnitCase {
  const c: JUnitCase = { classname: 'selfcheck.benign', name: b.name, timeMs: b.durationMs };
  if (b.outcome === 'passed') return { ...c, systemOut: `${b.description}\npassed: ${b.runs.map((r) => r.suite).join(', ')}` };
  if (b.outcome === 'failed') return { ...c, failure: { message: `false failure: the suites fail a server the docs allow: ${b.description}`, body: [b.detail, `docs: ${b.docs}`, ...falseFailures(b)].join('\n') } };
  return { ...c, error: { message: `not judged: ${b.detail}`, body: b.description } };
}

export function renderJUnit(s: SelfcheckSummary): string {
  const baselines = [s.baseline.contracts, ...(s.baseline.load ? [s.baseline.load] : [])];
  const pct = (r: number | undefined): string => `${((r ?? 0) * 100).toFixed(1)} %`;
  return junitXml({
    name: 'tcim-harness selfcheck',
    timeMs: s.wallMs,
    suites: [
      {
        name: `selfcheck (kill rate ${pct(s.killRate)}, false-failure rate ${pct(s.falseFailureRate)})`,
        timeMs: s.wallMs,
        timestamp: s.startedAt,
        cases: [...baselines.map(baselineCase), ...s.variants.map(variantCase), ...(s.benign ?? []).map(benignCase)],
      },
    ],
  });
}
