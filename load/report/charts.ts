/**
 * The load charts of both HTML reports (the load dashboard and the combined report): one definition of
 * what each chart shows, drawn by the one chart module src/format/svg.ts. Time axes are seconds from
 * the start of the run, with ticks.
 */
import { histogram, lineChart, PALETTE, type Band, type HistogramBin, type Line } from '../../src/format/index.ts';
import { BASE_MS, GROWTH, Histogram, upperBound } from '../analyse/histogram.ts';
import type { CeilingFinding } from '../analyse/ceiling.ts';
import type { CommandSummary, LoadSummary } from './summary.ts';

/** Display bins of a latency histogram (its 2 % log buckets merged into about this many). */
const HISTOGRAM_BINS = 24;
const color = (i: number): string => PALETTE[i % PALETTE.length] as string;
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** Epoch ms of the first window of the run (the zero of every time axis). */
export const runStart = (s: LoadSummary): number => Math.min(...Object.values(s.commands).map((c) => c.series[0]?.t ?? Number.POSITIVE_INFINITY));

/** A command's latency p50 / p95 / p99 per window over time. */
export function latencyOverTime(c: CommandSummary, t0: number): string {
  const pts = (p: number): [number, number][] => c.series.map((q) => [(q.t - t0) / 1000, Histogram.from(q.latency).percentile(p)]);
  return lineChart({
    title: `${c.shortName}: latency p50 / p95 / p99 per ${c.windowMs / 1000} s window (ms)`,
    width: 420,
    height: 180,
    xLabel: 'seconds',
    yLabel: 'ms',
    lines: [
      { name: 'p50', color: color(0), points: pts(50) },
      { name: 'p95', color: color(1), points: pts(95) },
      { name: 'p99', color: color(3), points: pts(99) },
    ],
  });
}

/** The log buckets of a latency histogram merged into about HISTOGRAM_BINS bins between its smallest and largest value. */
export function latencyBins(h: Histogram): HistogramBin[] {
  const buckets = [...h.counts.keys()].sort((a, b) => a - b);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (first === undefined || last === undefined) return [];
  const width = Math.max(1, Math.ceil((last - first + 1) / HISTOGRAM_BINS));
  const bins: HistogramBin[] = [];
  for (let b = first; b <= last; b += width) {
    let count = 0;
    for (let k = b; k < b + width; k++) count += h.counts.get(k) ?? 0;
    bins.push({ from: b === 0 ? BASE_MS / GROWTH : upperBound(b - 1), to: upperBound(b + width - 1), count });
  }
  return bins;
}

/** A command's latency distribution over the whole run. */
export function latencyHistogram(c: CommandSummary, i = 0): string {
  return histogram({ title: `${c.shortName}: latency histogram (${c.calls} calls; p99 ${c.latencyMs.p99} ms)`, bins: latencyBins(Histogram.from(c.latency)), xLabel: 'ms', yLabel: 'calls', logX: true, color: color(i) });
}

/** Throttled share per whole window and command, against each command's expected band (the `over` profile). */
export function throttledOverTime(s: LoadSummary, t0: number): string {
  const cmds = Object.values(s.commands);
  const lines: Line[] = cmds.map((c, i) => {
    const whole = c.series.length > 2 ? c.series.slice(1, -1) : c.series;
    return { name: c.shortName, color: color(i), points: whole.map((p) => [(p.t - t0) / 1000, p.calls ? p.throttled / p.calls : 0] as [number, number]) };
  });
  const withBand = cmds.flatMap((c) => (c.expectedThrottledShare ? [{ c, x: c.expectedThrottledShare }] : []));
  const same = withBand.every(({ x }) => x.low === withBand[0]?.x.low && x.high === withBand[0]?.x.high);
  const bands: Band[] = (same ? withBand.slice(0, 1) : withBand).map(({ c, x }) => ({ name: `expected band${same ? '' : ` ${c.shortName}`} ${pct(x.low)}–${pct(x.high)} (over the run)`, from: x.low, to: x.high }));
  return lineChart({ title: `${s.profile}: throttled share per whole second against the expected band (green)`, lines, bands, xLabel: 'seconds', yLabel: 'throttled share' });
}

/** The ceiling search of one command as a step chart: offered and accepted calls/s per step, the documented ceiling and the ceiling found. */
export function ceilingStepChart(command: string, f: CeilingFinding, documented: number, seconds: number): string {
  if (f.steps.length === 0) return '';
  const n = f.steps.length;
  const held = (pts: [number, number][]): [number, number][] => [...pts, [n + 1, (pts[pts.length - 1] as [number, number])[1]]];
  const offered = held(f.steps.map((x, i) => [i + 1, x.rate]));
  const accepted = held(f.steps.map((x, i) => [i + 1, x.accepted ?? (x.calls - x.throttled) / seconds]));
  const lines: Line[] = [
    { name: 'offered calls/s', color: color(0), points: offered, step: true },
    { name: 'accepted calls/s (median per whole second)', color: color(2), points: accepted, step: true },
    { name: `documented ${documented}/s`, color: '#000', dashed: true, points: [[1, documented], [n + 1, documented]] },
  ];
  if (f.ceiling !== undefined) lines.push({ name: `ceiling found ${f.ceiling}/s`, color: color(3), dashed: true, points: [[1, f.ceiling], [n + 1, f.ceiling]] });
  const short = command.replace('recentcontact/', '');
  return lineChart({ title: `${short}: ceiling search, offered vs accepted rate per step (${seconds} s each${f.steps.some((x) => x.probe) ? '; the last is the probe' : ''})`, lines, xLabel: 'step', yLabel: 'calls/s', fitX: true, width: 420, height: 200 });
}

/** Every command's ceiling step chart. */
export function ceilingStepCharts(s: LoadSummary): string {
  if (!s.ceiling) return '';
  return Object.entries(s.ceiling.perCommand)
    .map(([cmd, f]) => ceilingStepChart(cmd, f, s.expectation.documentedCeiling, s.expectation.seconds))
    .join('');
}
