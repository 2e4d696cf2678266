/**
 * Load trends: the last runs of each profile from the history (reports/history/load.jsonl) — p99 and
 * accepted rate per command over runs, oldest to newest, with the runs listed under the charts. Lines
 * of the history that are not valid records are named by their line numbers and left out.
 */
import { join } from 'node:path';
import { lineChart, PALETTE, type Line } from '../../../src/format/index.ts';
import { HISTORY_PATH, historyProblemsText, readHistory, recentByProfile, type HistoryRecord } from '../../../load/index.ts';
import { esc, num } from './escape.ts';

/** Runs per profile the trend charts show. */
export const TREND_RUNS = 10;

const short = (command: string): string => command.replace(/^recentcontact\//, '');

function chart(profile: string, runs: HistoryRecord[], slots: number, title: string, yLabel: string, value: (c: HistoryRecord['commands'][string]) => number): string {
  const commands = [...new Set(runs.flatMap((r) => Object.keys(r.commands)))].sort();
  const lines: Line[] = commands.map((c, i) => ({
    name: short(c),
    color: PALETTE[i % PALETTE.length] ?? '#333',
    markers: true,
    points: runs.flatMap((r, k) => (r.commands[c] ? [[k + 1, value(r.commands[c] as HistoryRecord['commands'][string])] as [number, number]] : [])),
  }));
  return lineChart({ title: `${profile}: ${title}, last ${runs.length} run(s)`, lines, xLabel: 'run, oldest → newest', yLabel, fitX: true, xMax: Math.max(slots, runs.length), width: 520, height: 200 });
}

function profileTrend(profile: string, runs: HistoryRecord[], slots: number): string {
  const rows = runs
    .map((r, k) => `<tr><td>${k + 1}</td><td>${esc(r.runId)}</td><td>${esc(r.startedAt)}</td><td>${esc(r.target)}${r.variant ? ` (${esc(r.variant)})` : ''}</td><td>${num(r.durationSeconds, 0)} s</td><td class="${r.verdict === 'pass' ? 'good' : 'bad'}">${esc(r.verdict)}</td></tr>`)
    .join('');
  return `<article class="trend" data-profile="${esc(profile)}"><h3>${esc(profile)}</h3><div class="charts">${chart(profile, runs, slots, 'p99 latency per command (ms)', 'ms', (c) => c.latencyMs.p99)}${chart(profile, runs, slots, 'accepted (OK) calls/s per command', 'calls/s', (c) => c.acceptedRate)}</div>
<details><summary>the ${runs.length} run(s)</summary><table><tr><th>#</th><th>run</th><th>started</th><th>target</th><th>length</th><th>verdict</th></tr>${rows}</table></details></article>`;
}

/** The trends section; empty when no history exists yet. */
export function trendsSection(dir: string, n = TREND_RUNS): string {
  const h = readHistory(join(dir, HISTORY_PATH));
  if (h.records.length === 0 && h.problems.length === 0) return '';
  // Inconclusive runs measured nothing: they are listed in the history, not drawn.
  const judged = { ...h, records: h.records.filter((r) => r.record.verdict !== 'inconclusive') };
  const byProfile = [...recentByProfile(judged, n)].sort(([a], [b]) => a.localeCompare(b));
  const bad = h.problems.length ? `<p class="bad" id="history-problems">${h.problems.length} line(s) of the history skipped (not valid records): ${esc(historyProblemsText(h))}</p>` : '';
  return `<section id="load-trends"><h2>Load trends (${esc(HISTORY_PATH)})</h2><p class="muted">The last ${n} runs of each profile; every load run appends one line.</p>${bad}${byProfile.map(([p, runs]) => profileTrend(p, runs, n)).join('')}</section>`;
}
