/** Human-readable output of the self-check: progress lines and the final table. */
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
  lines.push('', ...table(rows).map((l) => `  ${l}`));
  const { killed, variants, survived, error } = s.counts;
  lines.push(
    '',
    `Kill rate ${killed}/${variants} (${(s.killRate * 100).toFixed(1)} %), survived ${survived}, error ${error}; wall time ${clock(s.wallMs)}.`,
    `Gate: ${s.gate.toUpperCase()}${s.gate === 'fail' ? failReason(s) : ''}`,
  );
  const survivors = s.variants.filter((v) => v.outcome === 'survived');
  if (survivors.length) lines.push('', 'Survivors (bugs the suites do not notice):', ...survivors.map((v) => `  ${v.name}: ${v.description}`));
  return lines.join('\n');
}

function failReason(s: SelfcheckSummary): string {
  if (!s.baseline.contracts.passed) return ' — the contract suite fails on the correct emulator';
  if (s.baseline.load && !s.baseline.load.passed) return ' — the load profile over fails on the correct emulator';
  return ` — ${s.counts.variants - s.counts.killed} variant(s) not killed`;
}
