/**
 * The load charts a person reads at a glance — latency p50/p95/p99 over time and a latency histogram per
 * command, time axes with ticks in seconds, the `over` throttled share against its band, the ceiling
 * search as a step chart, the limiter shape observed — in the load dashboard and the combined report,
 * checked in Debian's Chromium: every chart is an inline SVG, titled, with something drawn in it.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../../app/report/browser-check.ts';
import { buildReport } from '../../app/report/index.ts';
import { mergeStats } from '../../load/analyse/stats-merge.ts';
import type { CommandStats } from '../../load/analyse/stats.ts';
import { toHtml } from '../../load/report/html.ts';
import { buildSummary, summaryProblems, type LoadSummary, type RunFacts } from '../../load/report/summary.ts';
import { formatSummary } from '../../load/report/format.ts';
import { ceilingChecks } from '../../load/run-checks.ts';
import { DEFAULT_CEILING_PARAMS } from '../../load/analyse/ceiling.ts';
import { C, GET, search, step, T0, type Shape } from '../load/limiter-sim.ts';
import { RateLimiter } from '../../src/emulator/pipeline/throttle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEARCH: typeof GET = 'recentcontact/search_contact_group';

function facts(profile: 'ceiling' | 'over', seconds: number, extra: Partial<RunFacts> = {}): RunFacts {
  return {
    profile,
    description: `simulated ${profile}`,
    runIds: ['sim1'],
    segments: [{ index: 1, count: 1 }],
    merged: false,
    target: { kind: 'embedded-emulator', baseUrl: 'http://127.0.0.1:1', sdkappid: 1400000000 },
    startedAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0 + 60_000).toISOString(),
    expectation: { kind: profile === 'over' ? 'throttled-share' : 'ceiling', documentedCeiling: C, burst: 20, throttleCode: 60007, limiter: 'unknown', seconds, serverRates: profile === 'over' ? { [GET]: 300, [SEARCH]: 300 } : {} },
    generator: { tool: 'vegeta', version: 'v12.13.0', cpuSeconds: null, cpuPercent: null, workers: 1, maxWorkers: 1, attacks: 1 },
    emulator: null,
    leakCheck: null,
    ceiling: null,
    soak: null,
    notes: [],
    ...extra,
  };
}

/** A ceiling summary from the simulated search against `shape`. */
function ceilingSummary(shape: Shape): LoadSummary {
  const parts: CommandStats[] = [];
  const s = search(shape, 5, 5, 0, parts);
  const f = facts('ceiling', 5, { ceiling: { params: { ...DEFAULT_CEILING_PARAMS }, perCommand: Object.fromEntries(s.findings) } });
  return buildSummary(f, new Map([[GET, mergeStats(parts, 'sequential')]]), ceilingChecks(s.findings, C));
}

/** An `over` summary (300/s for 10 s, two commands) against `shape`. */
function overSummary(shape: Shape): LoadSummary {
  const limiter = new RateLimiter();
  const stats = new Map([GET, SEARCH].map((c) => [c, step(limiter, shape, 300, 10, T0 + 400, { command: c, jitterMs: 1 })] as const));
  return buildSummary(facts('over', 10), stats, []);
}

test('summaries carry the limiter shape observed (per command and for the run) and pass their schema; the CLI text names it', () => {
  for (const shape of ['gcra', 'fixed-window'] as const) {
    for (const s of [ceilingSummary(shape), overSummary(shape)]) {
      assert.deepEqual(summaryProblems(JSON.parse(JSON.stringify(s))), []);
      assert.equal(s.observedLimiter?.shape, shape, s.observedLimiter?.text);
      for (const c of Object.values(s.commands)) assert.equal(c.limiterShape?.shape, shape);
      assert.match(formatSummary(s), shape === 'gcra' ? /limiter shape observed: smooth/ : /limiter shape observed: fixed one-second window/);
    }
    const f = ceilingSummary(shape).ceiling?.perCommand[GET];
    assert.ok(f?.ceiling !== undefined && Math.abs(f.ceiling - C) <= 2, String(f?.ceiling));
  }
});

test('load dashboard: latency over time and histogram per command, ticks in seconds, throttled share against its band, ceiling step chart', () => {
  const over = toHtml(overSummary('fixed-window'));
  assert.match(over, /get: latency p50 \/ p95 \/ p99 per 1 s window/);
  assert.match(over, /search: latency histogram/);
  assert.match(over, /throttled share per whole second against the expected band/);
  assert.match(over, /<rect [^>]*class="band"><title>expected band 2\d\.\d %–3\d\.\d % \(over the run\)/, 'the band is drawn');
  assert.match(over, /class="tick"\/><text [^>]*>5<\/text>/, 'the time axis has a tick at 5 s');
  assert.match(over, /limiter shape observed: fixed one-second window/);
  const ceiling = toHtml(ceilingSummary('gcra'));
  assert.match(ceiling, /get_contact_group: ceiling search, offered vs accepted rate per step/);
  assert.match(ceiling, /<title>offered calls\/s<\/title>/);
  assert.match(ceiling, /<title>ceiling found 20\d\/s<\/title>|<title>ceiling found 19\d\/s<\/title>/);
  assert.doesNotMatch(over + ceiling, /<script|xmlns|https?:\/\/(?!127\.0\.0\.1)/, "no script, no URL but the target's");
});

interface ChartFacts {
  title: string;
  width: number;
  height: number;
  shapes: number;
}

/** Every figure.chart of a page as the browser lays it out. */
async function chartsInBrowser(file: string): Promise<{ charts: ChartFacts[]; errors: string[]; requests: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && requests.push(r.url()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector(':scope > svg');
        const box = svg?.getBoundingClientRect();
        return { title: f.querySelector('figcaption')?.textContent?.trim() ?? '', width: box?.width ?? 0, height: box?.height ?? 0, shapes: svg ? svg.querySelectorAll('polyline, rect.bar').length : 0 };
      }),
    );
    return { charts, errors, requests };
  } finally {
    await browser.close();
  }
}

const noBrowser = existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: npm run setup installs it`;

function assertCharts(charts: ChartFacts[], wanted: RegExp[], where: string): void {
  for (const c of charts) {
    assert.ok(c.title.length > 0, `${where}: a chart without a title`);
    assert.ok(c.width > 100 && c.height > 20, `${where}: "${c.title}" is not laid out (${c.width}×${c.height})`);
    assert.ok(c.shapes > 0, `${where}: "${c.title}" draws nothing`);
  }
  for (const w of wanted) assert.ok(charts.some((c) => w.test(c.title)), `${where}: no chart titled ${w} in ${charts.map((c) => c.title).join(' | ')}`);
}

test('in Chromium: every chart of the load dashboard renders as a titled, non-empty inline SVG', { skip: noBrowser }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-load-charts-'));
  for (const [name, s] of [['over', overSummary('gcra')], ['ceiling', ceilingSummary('fixed-window')]] as const) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, toHtml(s));
    const b = await chartsInBrowser(file);
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.requests, []);
    const wanted = name === 'over' ? [/get: latency p50/, /search: latency p50/, /get: latency histogram/, /search: latency histogram/, /throttled share per whole second against the expected band/] : [/ceiling search, offered vs accepted rate per step/, /get: latency histogram/];
    assertCharts(b.charts, wanted, name);
  }
});

test('in Chromium: the combined report draws the load charts (latency over time, histograms, over band, ceiling steps)', { skip: noBrowser }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-report-charts-'));
  mkdirSync(join(dir, 'load/over'), { recursive: true });
  mkdirSync(join(dir, 'load/ceiling'), { recursive: true });
  // a real `over` summary (written by the harness before the shape was recorded) and a simulated ceiling search
  copyFileSync(join(root, 'test/report/fixtures/load-over-summary.json'), join(dir, 'load/over/summary.json'));
  writeFileSync(join(dir, 'load/ceiling/summary.json'), JSON.stringify(ceilingSummary('fixed-window')));
  const r = buildReport(dir, { runId: 'r1', target: 'embedded emulator', startedAt: '2026-11-27T00:00:00Z', finishedAt: '2026-11-27T00:01:00Z', versions: { node: process.version } });
  const html = readFileSync(r.file, 'utf8');
  assert.match(html, /limiter shape observed: fixed one-second window/);
  const b = await chartsInBrowser(r.file);
  assert.deepEqual(b.errors, []);
  assert.deepEqual(b.requests, []);
  assertCharts(b.charts, [/get: latency p50/, /get: latency histogram/, /throttled share per whole second against the expected band/, /ceiling search, offered vs accepted rate per step/], 'combined report');
});
