/**
 * The combined report's load trends: the last N runs of each profile from reports/history/load.jsonl as
 * p99 and accepted-rate charts (one dot per run), bad history lines named by number, and the charts
 * visible in Chromium (skipped without it).
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../app/report/index.ts';
import { checkInBrowser, CHROMIUM } from '../../app/report/browser-check.ts';
import { trendsSection } from '../../app/report/html/trends.ts';
import { appendHistory } from '../../load/history/file.ts';
import { historyRecord } from '../../load/history/record.ts';
import type { LoadSummary } from '../../load/report/summary.ts';

const summary = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/load-over-summary.json', import.meta.url)), 'utf8')) as LoadSummary;
const dir = mkdtempSync(join(tmpdir(), 'tcim-trends-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const meta = { runId: 'r1', target: 'embedded emulator', startedAt: '2026-11-27T00:00:00Z', finishedAt: '2026-11-27T00:01:00Z', versions: { node: process.version } };
const history = join(dir, 'history', 'load.jsonl');

// 12 runs of over with p99 of get growing by 1 ms a run, 2 of at, one inconclusive over, one bad line.
const base = historyRecord(summary);
for (let i = 0; i < 12; i++) {
  const r = structuredClone(base);
  r.runId = `o${i}`;
  (r.commands['recentcontact/get_contact_group'] as { latencyMs: { p99: number } }).latencyMs.p99 = 10 + i;
  appendHistory(history, r);
}
for (const id of ['a0', 'a1']) appendHistory(history, { ...base, runId: id, profile: 'at' });
appendHistory(history, { ...base, runId: 'ox', verdict: 'inconclusive' });
appendFileSync(history, '{"broken": true}\n');

test('trends: the last 10 runs of each profile, one dot per run and command, oldest first; bad lines named', () => {
  const html = trendsSection(dir);
  assert.match(html, /^<section id="load-trends">/);
  const articles = [...html.matchAll(/<article class="trend" data-profile="([a-z]+)">/g)].map((m) => m[1]);
  assert.deepEqual(articles, ['at', 'over']);
  const over = html.slice(html.indexOf('data-profile="over"'));
  assert.equal((over.match(/<figure class="chart">/g) ?? []).length, 2);
  // two commands × 10 runs per chart
  const p99 = over.slice(0, over.indexOf('</figure>'));
  assert.equal((p99.match(/<circle /g) ?? []).length, 2 * 10);
  const gets = [...p99.matchAll(/<title>get_contact_group: ([0-9.]+)<\/title>/g)].map((m) => Number(m[1]));
  assert.deepEqual(gets, [12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
  assert.match(over, /<td>o2<\/td>/);
  assert.doesNotMatch(over, /<td>o1<\/td>|<td>ox<\/td>/);
  assert.match(html, /1 line\(s\) of the history skipped \(not valid records\): .*load\.jsonl line 16: not a history record/);
  assert.equal(trendsSection(join(dir, 'nothing-here')), '');
});

test('the combined report carries the trends, and Chromium draws them', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM}` }, async () => {
  const r = buildReport(dir, meta);
  assert.match(readFileSync(r.file, 'utf8'), /<section id="load-trends">/);
  const b = await checkInBrowser(r.file, join(dir, 'report.png'));
  assert.equal(b.trendCharts, 4);
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.externalRequests, []);
});
