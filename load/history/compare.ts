/**
 * Compares a run with its baseline, per command and figure. Rates and the ceiling may not drop, latency
 * percentiles and the throttled share may not rise, beyond their tolerance; a latency rise must also
 * exceed the absolute floor (2 → 4 ms on loopback is +100 % and still noise). Each comparison becomes a
 * check `baseline_<figure>` of the run, so it fails the run (exit 1) and lands in summary, JUnit and HTML.
 */
import type { CheckResult } from '../analyse/thresholds.ts';
import type { LoadCommand } from '../plan/commands.ts';
import type { BaselineComparison, BaselineFigure } from '../report/summary.ts';
import type { HistoryCommand, HistoryRecord } from './record.ts';
import type { BaselineTolerances, ToleranceKey } from './tolerances.ts';

interface FigureDef {
  figure: BaselineFigure;
  key: ToleranceKey;
  /** Which way is worse. */
  worse: 'up' | 'down';
  unit: string;
  value(c: HistoryCommand): number | null;
}

const FIGURES: readonly FigureDef[] = [
  { figure: 'achieved_rate', key: 'achieved', worse: 'down', unit: '/s', value: (c) => c.achievedRate },
  { figure: 'accepted_rate', key: 'accepted', worse: 'down', unit: '/s', value: (c) => c.acceptedRate },
  { figure: 'p50', key: 'p50', worse: 'up', unit: ' ms', value: (c) => c.latencyMs.p50 },
  { figure: 'p95', key: 'p95', worse: 'up', unit: ' ms', value: (c) => c.latencyMs.p95 },
  { figure: 'p99', key: 'p99', worse: 'up', unit: ' ms', value: (c) => c.latencyMs.p99 },
  { figure: 'throttled_share', key: 'throttled', worse: 'up', unit: '', value: (c) => c.throttledShare },
  { figure: 'ceiling', key: 'ceiling', worse: 'down', unit: '/s', value: (c) => c.ceiling },
];

const LATENCY = new Set<BaselineFigure>(['p50', 'p95', 'p99']);
const f2 = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const signed = (n: number, d = 1): string => `${n >= 0 ? '+' : ''}${n.toFixed(d)}`;

function compareOne(d: FigureDef, command: string, base: number, cur: number, t: BaselineTolerances): BaselineComparison | undefined {
  const limit = t.limits[d.key];
  if (limit === null) return undefined;
  if (d.figure === 'throttled_share') {
    const change = cur - base;
    const passed = change * 100 <= limit + 1e-9;
    return { command, figure: d.figure, baseline: base, current: cur, change, passed, text: `throttled share ${(base * 100).toFixed(1)} → ${(cur * 100).toFixed(1)} % (${signed(change * 100)} points; allowed +${limit} points)` };
  }
  // A zero baseline has no relative change: a rise from 0 counts as infinitely large, no change as 0.
  const change = base === 0 ? (cur === 0 ? 0 : cur > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY) : (cur - base) / base;
  const rel = d.worse === 'up' ? change * 100 : -change * 100;
  const floor = LATENCY.has(d.figure) ? t.latencyFloorMs : 0;
  const passed = rel <= limit + 1e-9 || (floor > 0 && cur - base <= floor);
  const pct = Number.isFinite(change) ? `${signed(change * 100)} %` : 'from 0';
  const allowed = `${d.worse === 'up' ? '+' : '−'}${limit} %${floor > 0 ? ` and ≤ ${floor} ms` : ''}`;
  const label = d.figure.replace('_', ' ');
  // JSON has no infinity: a change from 0 is written as ±1e9 (±100,000,000 %).
  const stored = Number.isFinite(change) ? Math.round(change * 1e4) / 1e4 : Math.sign(change) * 1e9;
  return { command, figure: d.figure, baseline: base, current: cur, change: stored, passed, text: `${label} ${f2(base)} → ${f2(cur)}${d.unit} (${pct}; allowed ${allowed})` };
}

export interface BaselineResult {
  comparisons: BaselineComparison[];
  notes: string[];
}

export function compareRuns(current: HistoryRecord, baseline: HistoryRecord, t: BaselineTolerances): BaselineResult {
  const comparisons: BaselineComparison[] = [];
  const notes: string[] = [];
  for (const [command, cur] of Object.entries(current.commands)) {
    const base = baseline.commands[command];
    if (!base) {
      notes.push(`${command}: not in baseline run ${baseline.runId}; not compared`);
      continue;
    }
    if (base.targetRate !== cur.targetRate) notes.push(`${command}: target rate ${base.targetRate}/s in the baseline, ${cur.targetRate}/s now; figures compared anyway`);
    for (const d of FIGURES) {
      const b = d.value(base);
      const c = d.value(cur);
      if (b === null || c === null) continue;
      const cmp = compareOne(d, command, b, c, t);
      if (cmp) comparisons.push(cmp);
    }
  }
  for (const command of Object.keys(baseline.commands)) if (!current.commands[command]) notes.push(`${command}: in baseline run ${baseline.runId}, not in this run`);
  if (baseline.target !== current.target) notes.push(`the baseline ran against ${baseline.target}, this run against ${current.target}`);
  if (baseline.durationSeconds !== current.durationSeconds) notes.push(`the baseline ran ${baseline.durationSeconds} s, this run ${current.durationSeconds} s`);
  return { comparisons, notes };
}

/** The comparisons as checks of the run (one per figure per command). */
export function baselineChecks(r: BaselineResult, baseline: HistoryRecord): CheckResult[] {
  const against = `run ${baseline.runId} (${baseline.startedAt})`;
  return r.comparisons.map((c) => ({
    name: `baseline_${c.figure}`,
    command: c.command as LoadCommand,
    passed: c.passed,
    observed: `${c.text} against ${against}`,
    expected: 'within the tolerance against the baseline run',
  }));
}
