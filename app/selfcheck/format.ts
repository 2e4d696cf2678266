/** Human-readable output of the self-check: progress lines and the final tables (mutants, benign variants) and figures. */
import type { SelfcheckSummary } from './types.ts';

export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

const cut = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

export function renderTable(s: SelfcheckSummary): string {
  const baselines = [s.baseline.contracts, ...(s.baseline.load ? [s.baseline.load] : [])];
  const lines: string[] = ['', 'Baseline (correct emulator):'];
  for (const b of baselines) lines.push(`  ${b.suite.padEnd(9)}  ${b.passed ? 'pass' : 'FAIL'}  ${secs(b.durationMs).padStart(7)}  ${cut(b.detail, 100)}`);
  const rows = [['#', 'variant', 'killed by', 'outcome', 'time', 'first failed test / detail']];
  s.variants.forEach((v, i) => {
    const what = v.outcome === 'killed' ? (v.failedTests[0] ?? '') : v.detail;
    rows.push([String(i + 1), v.name, v.killedBy, v.outcome === 'killed' ? 'killed' : v.outcome.toUpperCase(), secs(v.durationMs), cut(what, 90)]);
  });
  lines.push('', 'Mutants (must be killed):', ...table(rows).map((l) => `  ${l}`));
  const benign = s.benign ?? [];
  if (benign.length) {
    const brows = [['#', 'benign variant', 'suites', 'outcome', 'time', 'first false failure / detail']];
    benign.forEach((b, i) => {
      const first = b.runs.flatMap((r) => r.failedTests)[0];
      brows.push([String(i + 1), b.name, b.runs.map((r) => r.suite).join('+'), b.outcome === 'passed' ? 'passed' : b.outcome.toUpperCase(), secs(b.durationMs), cut(b.outcome === 'failed' && first ? first : b.detail, 90)]);
    });
    lines.push('', 'Benign variants (differ only where the docs allow; must pass):', ...table(brows).map((l) => `  ${l}`));
  }
  const { killed, variants, survived, error } = s.counts;
  const bc = s.benignCounts ?? { variants: 0, passed: 0, failed: 0, error: 0 };
  lines.push(
    '',
    `Kill rate ${killed}/${variants} (${(s.killRate * 100).toFixed(1)} %), survived ${survived}, error ${error}.`,
    `False-failure rate ${bc.variants - bc.passed}/${bc.variants} (${((s.falseFailureRate ?? 0) * 100).toFixed(1)} %), failed ${bc.failed}, error ${bc.error}.`,
    `Wall time ${clock(s.wallMs)} (parallel ${s.parallel}).`,
    `Gate: ${s.gate.toUpperCase()}${s.gate === 'fail' ? failReason(s) : ''}`,
  );
  const survivors = s.variants.filter((v) => v.outcome === 'survived');
  if (survivors.length) lines.push('', 'Survivors (bugs the suites do not notice):', ...survivors.map((v) => `  ${v.name}: ${v.description}`));
  const missed = s.variants.filter((v) => v.seenByMissed);
  if (missed.length) lines.push('', 'Killed only by the whole suite — their seenBy missed them (update seenBy; costs time, not kills):', ...missed.map((v) => `  ${v.name}: ${v.failedTests[0] ?? ''}`));
  const falseFailures = benign.filter((b) => b.outcome === 'failed');
  if (falseFailures.length) lines.push('', 'False failures (the suites fail a server the docs allow):', ...falseFailures.map((b) => `  ${b.name}: ${b.description} — docs: ${cut(b.docs, 160)}`));
  return lines.join('\n');
}

function failReason(s: SelfcheckSummary): string {
  if (!s.baseline.contracts.passed) return ' — the contract suite fails on the correct emulator';
  if (s.baseline.load && !s.baseline.load.passed) return ' — the load profile over fails on the correct emulator';
  const bc = s.benignCounts ?? { variants: 0, passed: 0 };
  const reasons = [
    ...(s.counts.killed < s.counts.variants ? [`${s.counts.variants - s.counts.killed} variant(s) not killed`] : []),
    ...(bc.passed < bc.variants ? [`${bc.variants - bc.passed} benign variant(s) did not pass`] : []),
  ];
  return ` — ${reasons.join(', ')}`;
}
