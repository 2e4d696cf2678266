/**
 * index.html: one self-contained page (inline CSS and SVG, no script, no network) in place of
 * k6's dashboard — achieved rate vs target over time, latency percentiles over time and histograms,
 * throttled share per command and over time against its band, the limiter shape observed, the ceiling
 * search as a step chart, every check.
 */
import { CHART_CSS, escapeXml as esc, lineChart, PALETTE, shareBars } from '../../src/format/index.ts';
import { ceilingStepCharts, latencyHistogram, latencyOverTime, runStart, throttledOverTime } from './charts.ts';
import { leakAccountsText, type LoadSummary } from './summary.ts';

const CSS = `body{font:13px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f5f5f5}td.l,th.l{text-align:left}
.pass{color:#207a20;font-weight:bold}.fail{color:#b00;font-weight:bold}.inconclusive{color:#a60;font-weight:bold}.grid{display:flex;flex-wrap:wrap;gap:12px}small{color:#666}
${CHART_CSS}`;

const fmt = (n: number, d = 2): string => (Number.isInteger(n) ? String(n) : n.toFixed(d));

function rateChart(s: LoadSummary): string {
  const cmds = Object.values(s.commands);
  const t0 = Math.min(...cmds.map((c) => c.series[0]?.t ?? Number.POSITIVE_INFINITY));
  const lines = cmds.flatMap((c, i) => {
    const color = PALETTE[i % PALETTE.length] as string;
    const whole = c.series.length > 2 ? c.series.slice(1, -1) : c.series;
    const pts = whole.map((p) => [(p.t - t0) / 1000, p.calls / (c.windowMs / 1000)] as [number, number]);
    const span = pts.length ? (pts[pts.length - 1] as [number, number])[0] : 0;
    return [
      { name: `${c.shortName} achieved`, color, points: pts },
      { name: `${c.shortName} target ${c.targetRate}/s`, color, dashed: true, points: [[0, c.targetRate], [span, c.targetRate]] as [number, number][] },
    ];
  });
  return lineChart({ title: 'Achieved rate vs target (calls/s, whole windows)', lines, xLabel: 'seconds', yLabel: 'calls/s' });
}

function commandTable(s: LoadSummary): string {
  const rows = Object.values(s.commands).map((c) => {
    const band = c.expectedThrottledShare ? ` <small>(${fmt(c.expectedThrottledShare.low * 100, 1)}–${fmt(c.expectedThrottledShare.high * 100, 1)} %)</small>` : '';
    const errs = Object.entries(c.contractErrors).map(([k, v]) => `${k}×${v}`).join(' ') || '0';
    const cons = Object.entries(c.consequences).map(([k, v]) => `${k}×${v}`).join(' ') || '0';
    const tr = Object.values(c.transportErrors).reduce((a, b) => a + b, 0) + Object.values(c.httpNon200).reduce((a, b) => a + b, 0);
    return `<tr><td class="l">${esc(c.command.replace('recentcontact/', ''))}</td><td>${c.targetRate}</td><td>${fmt(c.achievedRate)}</td><td>${c.calls}</td><td>${c.ok}</td><td>${fmt(c.throttledShare * 100, 1)} %${band}</td><td>${fmt(c.latencyMs.p50)}</td><td>${fmt(c.latencyMs.p95)}</td><td>${fmt(c.latencyMs.p99)}</td><td>${c.late} <small>(max&nbsp;${fmt(c.latenessMs.max, 1)}&nbsp;ms)</small></td><td>${esc(errs)}</td><td>${esc(cons)}</td><td>${tr}</td><td>${c.schema.violations}/${c.schema.sampled}</td></tr>`;
  });
  return `<table><tr><th class="l">command</th><th>${s.ceiling ? 'highest step/s' : 'target/s'}</th><th>achieved/s</th><th>calls</th><th>OK</th><th>throttled</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>late starts</th><th>contract errors</th><th>consequences</th><th>transport/HTTP</th><th>schema viol./sampled</th></tr>${rows.join('')}</table>`;
}

function ceilingSection(s: LoadSummary): string {
  if (!s.ceiling) return '';
  const rows = Object.entries(s.ceiling.perCommand).map(
    ([cmd, f]) => `<tr><td class="l">${esc(cmd)}</td><td>${f.ceiling ?? '—'}</td><td>${f.low ?? '—'}</td><td>${f.high ?? '—'}</td><td>${f.sustained ?? '—'}</td><td>${f.burstEstimate ?? '—'}</td><td class="l">${esc(f.shape ? f.shape.shape : '—')}</td><td class="l">${esc(f.steps.map((x) => `${x.rate}/s: ${x.throttled}/${x.calls}`).join(', '))}</td></tr>`,
  );
  const text = Object.entries(s.ceiling.perCommand).map(([cmd, f]) => `<li><b>${esc(cmd)}</b>: ${esc(f.text)}</li>`).join('');
  const lines = Object.entries(s.ceiling.perCommand).map(([cmd, f], i) => ({
    name: cmd.replace('recentcontact/', ''),
    color: PALETTE[i % PALETTE.length] as string,
    points: [...f.steps].sort((a, b) => a.rate - b.rate).map((x) => [x.rate, x.calls ? x.throttled / x.calls : 0] as [number, number]),
  }));
  const chart = lineChart({ title: 'Throttled share per step rate (calls/s)', lines, xLabel: 'rate per command', yLabel: 'throttled share', fitX: true });
  return `<h2>Ceiling found</h2><div class="grid">${ceilingStepCharts(s)}</div>${chart}<table><tr><th class="l">command</th><th>ceiling found /s</th><th>highest step held</th><th>first step over</th><th>sustained /s</th><th>burst ≈</th><th class="l">shape observed</th><th class="l">steps (rate: throttled/calls)</th></tr>${rows.join('')}</table><ul>${text}</ul>`;
}

function baselineSection(s: LoadSummary): string {
  const b = s.baseline;
  if (!b) return '';
  if (!b.against) return `<h2 id="baseline">Baseline</h2><p>${b.notes.map(esc).join('<br>')}</p>`;
  const rows = b.comparisons.map((c) => `<tr><td class="l">${esc(c.command.replace('recentcontact/', ''))}</td><td class="l">${esc(c.figure)}</td><td>${fmt(c.baseline)}</td><td>${fmt(c.current)}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'within' : 'WORSE'}</td><td class="l">${esc(c.text)}</td></tr>`).join('');
  const t = Object.entries(b.tolerances).map(([k, v]) => `${k} ${v === null ? 'off' : v}`).join(', ');
  return `<h2 id="baseline">Baseline: run ${esc(b.against.runId)} (${esc(b.against.startedAt)})</h2><p><small>from ${esc(b.against.source)} · target ${esc(b.against.target)} · tolerances: ${esc(t)}</small></p>
<table><tr><th class="l">command</th><th class="l">figure</th><th>baseline</th><th>this run</th><th>result</th><th class="l">change</th></tr>${rows}</table>${b.notes.length ? `<ul>${b.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}`;
}

export function toHtml(s: LoadSummary): string {
  const cmds = Object.values(s.commands);
  const t0 = runStart(s);
  const over = cmds.some((c) => c.expectedThrottledShare) ? `<h2>Throttled share over time</h2><div class="grid">${throttledOverTime(s, t0)}</div>` : '';
  const checks = s.checks
    .map((c) => `<tr><td class="l">${esc(c.command.replace('recentcontact/', ''))}</td><td class="l">${esc(c.name)}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'pass' : 'FAIL'}</td><td class="l">${esc(c.observed)}</td><td class="l">${esc(c.expected)}</td></tr>`)
    .join('');
  const bars = shareBars({ title: 'Throttled share per command (green: expected band)', bars: cmds.map((c) => ({ name: c.shortName, value: c.throttledShare, ...(c.expectedThrottledShare ? { band: [c.expectedThrottledShare.low, c.expectedThrottledShare.high] as [number, number], expected: c.expectedThrottledShare.expected } : {}) })) });
  const gen = s.generator;
  const emu = s.emulator;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tcim-harness load: ${esc(s.profile)}</title><style>${CSS}</style></head><body>
<h1>Load profile <code>${esc(s.profile)}</code>: <span class="${s.verdict}">${s.verdict.toUpperCase()}</span></h1>
<p>${esc(s.description)}<br><small>run ${esc(s.runIds.join(', '))} · segments ${esc(s.segments.map((x) => `${x.index}/${x.count}`).join(', '))}${s.merged ? ' (merged)' : ''} · target ${esc(s.target.kind)} ${esc(s.target.baseUrl)} (SDKAppID ${s.target.sdkappid}) · ${esc(s.startedAt)} → ${esc(s.finishedAt)}</small></p>
${s.reason ? `<p><b>${esc(s.reason)}</b></p>` : ''}
<p>Total ${s.totals.calls} calls, achieved ${fmt(s.totals.achievedRate)}/s of ${s.totals.targetRate}/s; throttled ${fmt(s.totals.throttledShare * 100, 1)} %; contract errors ${s.totals.contractErrors}; consequences ${s.totals.consequences}; late starts ${s.totals.late}.
Load generator (vegeta ${esc(gen.version)}): ${gen.cpuSeconds ?? '?'} CPU s (${gen.cpuPercent ?? '?'} % of a core), ${gen.maxWorkers} max workers.${emu ? ` Embedded emulator: ${emu.cpuSeconds ?? '?'} CPU s (${emu.cpuPercent ?? '?'} % of a core), headroom ≈ ${emu.headroom ?? '?'}×.` : ''}
${s.leakCheck ? ` Leak check: ${s.leakCheck.passed ? 'clean' : 'LEFTOVERS'} (${s.leakCheck.checkedUsers} users${esc(leakAccountsText(s.leakCheck))}).` : ''}</p>
${commandTable(s)}
<div class="grid">${cmds.length && !s.ceiling ? rateChart(s) : ''}${bars}</div>
${s.observedLimiter ? `<p><b>${esc(s.observedLimiter.text)}</b>${s.expectation.limiter ? ` <small>(expected: ${esc(s.expectation.limiter)})</small>` : ''}</p>` : ''}
${over}
<h2>Latency percentiles over time</h2><div class="grid">${cmds.map((c) => latencyOverTime(c, t0)).join('')}</div>
<h2>Latency histograms</h2><div class="grid">${cmds.map((c, i) => latencyHistogram(c, i)).join('')}</div>
${ceilingSection(s)}
${baselineSection(s)}
<h2>Checks</h2><table><tr><th class="l">command</th><th class="l">check</th><th>result</th><th class="l">observed</th><th class="l">expected</th></tr>${checks}</table>
<h2>Tolerances</h2><ul>${s.tolerances.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
${s.notes.length ? `<h2>Notes</h2><ul>${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
