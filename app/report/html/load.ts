/**
 * Load results: achieved rate vs target over time, latency p50/p95/p99 over time and a latency histogram
 * per command, throttled share per command (and over time against its band for `over`), the limiter
 * shape observed, the ceiling search as a step chart. The load charts come from load/index.ts.
 */
import { lineChart, PALETTE, shareBars, type Bar, type Line } from '../../../src/format/index.ts';
import { ceilingStepCharts, latencyHistogram, latencyOverTime, runStart, throttledOverTime, type CommandSummary, type LoadSummary } from '../../../load/index.ts';
import { esc, num, pct } from './escape.ts';

/** The per-window series without its first and last window, which cover only part of a second. */
const inner = <T>(series: T[]): T[] => (series.length > 4 ? series.slice(1, -1) : series);

function rateChart(s: LoadSummary): string {
  const cmds = Object.values(s.commands).map((c) => ({ ...c, series: inner(c.series) }));
  const t0 = Math.min(...cmds.flatMap((c) => c.series.map((p) => p.t)));
  const color = (i: number): string => PALETTE[i % PALETTE.length] ?? '#333';
  const series: Line[] = cmds.map((c, i) => ({
    name: c.shortName,
    color: color(i),
    points: c.series.map((p) => [(p.t - t0) / 1000, (p.calls * 1000) / c.windowMs]),
  }));
  const target = cmds[0]?.targetRate ?? 0;
  const xEnd = Math.max(1, ...series.flatMap((x) => x.points.map((p) => p[0])));
  series.push({ name: `target ${target}/s`, color: '#000', dashed: true, points: [[0, target], [xEnd, target]] });
  const accepted: Line[] = cmds.map((c, i) => ({
    name: c.shortName,
    color: color(i),
    points: c.series.map((p) => [(p.t - t0) / 1000, ((p.calls - p.throttled) * 1000) / c.windowMs]),
  }));
  const ceiling = s.expectation.documentedCeiling;
  const line = target >= ceiling / 2 ? { name: `documented ceiling ${ceiling}/s`, y: ceiling } : { name: `target ${target}/s`, y: target };
  accepted.push({ name: line.name, color: '#000', dashed: true, points: [[0, line.y], [xEnd, line.y]] });
  return `<p class="muted">Charts leave out the first and last window of each run (partial seconds).</p><div class="charts">${lineChart({ lines: series, title: `${s.profile}: achieved call rate per command vs target`, yLabel: 'calls/s', xLabel: 'seconds' })}${lineChart({ lines: accepted, title: `${s.profile}: accepted (not throttled) calls/s per command`, yLabel: 'calls/s', xLabel: 'seconds' })}</div>`;
}

/** A command's throttled share with the band the profile expects (over the ceiling) and its centre. */
function shareBar(c: CommandSummary): Bar {
  const x = c.expectedThrottledShare;
  return { name: c.shortName, value: c.throttledShare, ...(x ? { band: [x.low, x.high] as [number, number], expected: x.expected } : {}) };
}

function profileBlock(s: LoadSummary): string {
  const cmds = Object.values(s.commands);
  const rows = cmds
    .map(
      (c) =>
        `<tr><td>${esc(c.shortName)}</td><td>${num(c.targetRate)}</td><td>${num(c.achievedRate)}</td><td>${c.calls}</td><td>${pct(c.throttledShare)}${c.expectedThrottledShare ? ` <span class="muted">(expected ${pct(c.expectedThrottledShare.low)}–${pct(c.expectedThrottledShare.high)})</span>` : ''}</td><td>${num(c.latencyMs.p50, 2)}</td><td>${num(c.latencyMs.p95, 2)}</td><td>${num(c.latencyMs.p99, 2)}</td></tr>`,
    )
    .join('');
  const failedChecks = s.checks.filter((c) => !c.passed);
  const checks = failedChecks.length
    ? `<ul class="bad">${failedChecks.map((c) => `<li>${esc(c.command)} ${esc(c.name)}: observed ${esc(c.observed)}, expected ${esc(c.expected)}</li>`).join('')}</ul>`
    : `<p class="good">All ${s.checks.length} thresholds passed.</p>`;
  const ceiling = s.ceiling ? `<h4>Ceiling found</h4><ul>${Object.entries(s.ceiling.perCommand).map(([k, f]) => `<li>${esc(k)}: ${esc(f.text)}</li>`).join('')}</ul>` : '';
  const shares = shareBars({ title: `${s.profile}: throttled share per command`, bars: cmds.map(shareBar) });
  const t0 = runStart(s);
  const overTime = cmds.some((c) => c.expectedThrottledShare) ? throttledOverTime(s, t0) : '';
  const shape = s.observedLimiter ? `<p>${esc(s.observedLimiter.text)}</p>` : '';
  const latency = `<h4>Latency</h4><div class="charts">${cmds.map((c) => latencyOverTime(c, t0)).join('')}</div><div class="charts">${cmds.map((c, i) => latencyHistogram(c, i)).join('')}</div>`;
  const steps = s.ceiling ? `<div class="charts">${ceilingStepCharts(s)}</div>` : '';
  const gen = `load generator ${esc(s.generator.tool)} ${esc(s.generator.version)}${s.generator.cpuPercent === null ? '' : `, ${num(s.generator.cpuPercent)} % CPU`}${s.emulator?.headroom ? `; emulator headroom ×${num(s.emulator.headroom)}` : ''}`;
  return `<article class="profile" data-profile="${esc(s.profile)}"><h3>${esc(s.profile)} — <span class="${s.verdict === 'pass' ? 'good' : 'bad'}">${esc(s.verdict.toUpperCase())}</span></h3>
<p>${esc(s.description)}${s.reason ? ` — ${esc(s.reason)}` : ''}</p>
<p class="muted">${s.totals.calls} calls, achieved ${num(s.totals.achievedRate)} of ${num(s.totals.targetRate)} calls/s, ${s.totals.late} late starts; ${gen}; <a href="load/${esc(s.profile)}/index.html">load dashboard</a></p>
<table><tr><th>command</th><th>target/s</th><th>achieved/s</th><th>calls</th><th>throttled</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th></tr>${rows}</table>
${checks}${shape}${ceiling}${steps}${rateChart(s)}${shares}${overTime}${latency}</article>`;
}

export function loadSection(summaries: LoadSummary[]): string {
  if (summaries.length === 0) return '<section id="load"><h2>Load</h2><p class="muted">No load profile ran.</p></section>';
  return `<section id="load"><h2>Load (${summaries.map((s) => esc(s.profile)).join(', ')})</h2>${summaries.map(profileBlock).join('')}</section>`;
}
