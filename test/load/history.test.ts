/**
 * The history file, tolerances, the comparison with a baseline, and the metrics text — without traffic:
 * records built from a real load summary (test/report/fixtures/load-over-summary.json).
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findBaseline } from '../../load/history/baseline.ts';
import { compareRuns } from '../../load/history/compare.ts';
import { appendHistory, HistoryInvalidError, readHistory, recentByProfile } from '../../load/history/file.ts';
import { historyRecord, type HistoryRecord } from '../../load/history/record.ts';
import { DEFAULT_TOLERANCES, parseTolerances, toleranceSpec } from '../../load/history/tolerances.ts';
import { LoadConfigError } from '../../load/plan/commands.ts';
import type { LoadSummary } from '../../load/report/summary.ts';

const SUMMARY_FILE = fileURLToPath(new URL('../report/fixtures/load-over-summary.json', import.meta.url));
const summary = JSON.parse(readFileSync(SUMMARY_FILE, 'utf8')) as LoadSummary;
const dir = mkdtempSync(join(tmpdir(), 'tcim-history-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const GET = 'recentcontact/get_contact_group';

const copy = (r: HistoryRecord, f: (r: HistoryRecord) => void): HistoryRecord => {
  const c = structuredClone(r);
  f(c);
  return c;
};

test('a record from a summary: kind of target only, accepted = achieved × OK/calls, valid against the schema', () => {
  const r = historyRecord(summary);
  assert.equal(r.target, 'emulator');
  assert.doesNotMatch(JSON.stringify(r), /http|127\.0\.0\.1/);
  const c = summary.commands[GET];
  assert.ok(c);
  assert.equal(r.commands[GET]?.acceptedRate, Math.round(((c.achievedRate * c.ok) / c.calls) * 1000) / 1000);
  assert.equal(r.commands[GET]?.latencyMs.p99, c.latencyMs.p99);
  const file = join(dir, 'h1.jsonl');
  appendHistory(file, r);
  assert.throws(() => appendHistory(file, { ...r, target: 'https://x' as 'staging' }), HistoryInvalidError);
  assert.equal(readHistory(file).records.length, 1);
});

test('reading: bad lines come back with their numbers, good ones with theirs; blank lines are skipped', () => {
  const file = join(dir, 'h2.jsonl');
  const r = historyRecord(summary);
  writeFileSync(file, `${JSON.stringify(r)}\n\n{"kind":"x"}\n{oops\n${JSON.stringify({ ...r, runId: 'second' })}\n`);
  const h = readHistory(file);
  assert.deepEqual(h.records.map((x) => [x.line, x.record.runId]), [[1, r.runId], [5, 'second']]);
  assert.deepEqual(h.problems.map((p) => p.line), [3, 4]);
  assert.match(h.problems[1]?.message ?? '', /^not JSON/);
  assert.deepEqual(readHistory(join(dir, 'absent.jsonl')), { file: join(dir, 'absent.jsonl'), records: [], problems: [] });
});

test('tolerances: defaults, flag syntax over config, off, and errors naming the source', () => {
  assert.deepEqual(DEFAULT_TOLERANCES.limits, { achieved: 1, accepted: 5, p50: 20, p95: 20, p99: 20, throttled: 5, ceiling: 5 });
  const fromConfig = parseTolerances(toleranceSpec({ p99: 30, throttled: 2, latencyFloorMs: 5, p50: false }), 'load.tolerances');
  assert.equal(fromConfig.limits.p99, 30);
  assert.equal(fromConfig.limits.p50, null);
  assert.equal(fromConfig.latencyFloorMs, 5);
  const t = parseTolerances('latency=50%, ceiling=2.5%,latency-floor=0ms', '--tolerance', fromConfig);
  assert.deepEqual([t.limits.p50, t.limits.p95, t.limits.p99, t.limits.ceiling, t.limits.throttled, t.latencyFloorMs], [50, 50, 50, 2.5, 2, 0]);
  for (const [bad, why] of [['p99=20', /p99 must be a number with unit %/], ['throttled=5%', /unit pt/], ['p98=1%', /not name=value with a name of/], ['latency-floor=off', /cannot be off/], ['p99=-1%', /unit %/]] as const) {
    assert.throws(() => parseTolerances(bad, '--tolerance'), (e: Error) => e instanceof LoadConfigError && e.message.startsWith('--tolerance: ') && why.test(e.message), bad);
  }
});

test('compare: a latency rise fails only beyond both the relative limit and the floor; rates and ceiling may not drop', () => {
  const base = historyRecord(summary);
  const b = base.commands[GET];
  assert.ok(b);
  const same = compareRuns(base, base, DEFAULT_TOLERANCES);
  assert.equal(same.comparisons.length, Object.keys(base.commands).length * 6, "six figures per command (no ceiling outside the ceiling profile)");
  assert.ok(same.comparisons.every((c) => c.passed));
  // +100 % but +2 ms: noise under the 10 ms floor
  const noisy = copy(base, (r) => ((r.commands[GET] as typeof b).latencyMs.p99 = b.latencyMs.p99 * 2));
  const n = compareRuns(noisy, base, parseTolerances('', 'x', { ...DEFAULT_TOLERANCES, latencyFloorMs: b.latencyMs.p99 + 1 }));
  assert.ok(n.comparisons.every((c) => c.passed));
  const slow = copy(base, (r) => ((r.commands[GET] as typeof b).latencyMs.p99 = b.latencyMs.p99 + 50));
  const s = compareRuns(slow, base, DEFAULT_TOLERANCES);
  const p99 = s.comparisons.find((c) => c.command === GET && c.figure === 'p99');
  assert.equal(p99?.passed, false);
  assert.match(p99?.text ?? '', /^p99 [0-9.]+ → [0-9.]+ ms \(\+[0-9.]+ %; allowed \+20 % and ≤ 10 ms\)$/);
  assert.deepEqual(s.comparisons.filter((c) => !c.passed).map((c) => `${c.command} ${c.figure}`), [`${GET} p99`]);
  const fewer = copy(base, (r) => {
    const c = r.commands[GET] as typeof b;
    c.achievedRate *= 0.985;
    c.acceptedRate *= 0.94;
    c.throttledShare += 0.06;
  });
  assert.deepEqual(compareRuns(fewer, base, DEFAULT_TOLERANCES).comparisons.filter((c) => !c.passed).map((c) => c.figure), ['achieved_rate', 'accepted_rate', 'throttled_share']);
  const ceil = (v: number) => copy(base, (r) => ((r.commands[GET] as typeof b).ceiling = v));
  assert.deepEqual(compareRuns(ceil(190), ceil(200), DEFAULT_TOLERANCES).comparisons.filter((c) => c.figure === 'ceiling').map((c) => c.passed), [true]);
  assert.deepEqual(compareRuns(ceil(189), ceil(200), DEFAULT_TOLERANCES).comparisons.filter((c) => c.figure === 'ceiling').map((c) => c.passed), [false]);
  const off = compareRuns(slow, base, parseTolerances('p99=off', '--tolerance'));
  assert.ok(!off.comparisons.some((c) => c.figure === 'p99'));
  const other = copy(base, (r) => ((r.target = 'staging'), delete r.commands[GET]));
  assert.ok(compareRuns(other, base, DEFAULT_TOLERANCES).notes.some((n) => /against emulator, this run against staging/.test(n)));
});

test('findBaseline: last = newest earlier line of the profile (inconclusive skipped); PATH = history or summary.json', () => {
  const file = join(dir, 'h3.jsonl');
  const r = historyRecord(summary);
  assert.match(findBaseline('last', 'over', file).notice ?? '', /no earlier run of profile over/);
  appendHistory(file, { ...r, runId: 'a1' });
  appendHistory(file, { ...r, runId: 'b2', profile: 'at' });
  appendHistory(file, { ...r, runId: 'c3' });
  appendHistory(file, { ...r, runId: 'd4', verdict: 'inconclusive' });
  const last = findBaseline('last', 'over', file);
  assert.equal(last.record?.runId, 'c3');
  assert.equal(last.source, `${file} line 3`);
  assert.equal(findBaseline(file, 'at', join(dir, 'other.jsonl')).record?.runId, 'b2');
  assert.equal(findBaseline(SUMMARY_FILE, 'over', file).record?.runId, summary.runIds.join(','));
  assert.throws(() => findBaseline(SUMMARY_FILE, 'at', file), /a run of profile over, this run is at/);
  assert.throws(() => findBaseline(file, 'soak', file), /no run of profile soak/);
  appendFileSync(file, 'garbage\n');
  assert.throws(() => findBaseline('last', 'over', file), (e: Error) => e instanceof LoadConfigError && /line 5: not JSON/.test(e.message));
});

test('recentByProfile keeps the newest N of each profile, oldest first', () => {
  const file = join(dir, 'h4.jsonl');
  const r = historyRecord(summary);
  for (let i = 0; i < 13; i++) appendHistory(file, { ...r, runId: `r${i}`, profile: i % 2 ? 'at' : 'over' });
  const m = recentByProfile(readHistory(file), 3);
  assert.deepEqual(m.get('over')?.map((x) => x.runId), ['r8', 'r10', 'r12']);
  assert.deepEqual(m.get('at')?.map((x) => x.runId), ['r7', 'r9', 'r11']);
});

test('config: load.tolerances is validated by the schema and reaches the load command as TCIM_LOAD_TOLERANCES', async () => {
  const { validateConfig } = await import('../../app/config/validate.ts');
  const { configVars } = await import('../../app/config/to-env.ts');
  const config = { load: { tolerances: { p99: 30, throttled: 2, latencyFloorMs: 15, p50: false as const } } };
  validateConfig(config, 'tcim.config.json');
  const spec = configVars(config, join(dir, 'tcim.config.json'), {}).TCIM_LOAD_TOLERANCES ?? '';
  assert.equal(spec, 'p50=off,p99=30%,throttled=2pt,latency-floor=15ms');
  const t = parseTolerances(spec, 'load.tolerances');
  assert.deepEqual([t.limits.p50, t.limits.p99, t.limits.throttled, t.latencyFloorMs], [null, 30, 2, 15]);
  assert.throws(() => validateConfig({ load: { tolerances: { p99: '20%' } } }, 'tcim.config.json'), /load\.tolerances\.p99/);
  assert.throws(() => validateConfig({ load: { tolerances: { p100: 1 } } }, 'tcim.config.json'), /load\.tolerances.*p100|p100.*unknown/);
});

test('tracking options: a baseline of a segment, a bad --push URL or tolerance are exit-2 errors before the run', async () => {
  const { prepareTracking } = await import('../../load/track.ts');
  const base = join(dir, 'seg', 'load');
  assert.throws(() => prepareTracking({ baseline: 'last' }, 'at', base, true), (e: Error) => e instanceof LoadConfigError && /--baseline compares whole runs/.test(e.message));
  assert.throws(() => prepareTracking({ push: 'localhost:9091' }, 'at', base, false), LoadConfigError);
  assert.throws(() => prepareTracking({ tolerances: [{ spec: 'p99=x', source: 'load.tolerances of the config (TCIM_LOAD_TOLERANCES)' }] }, 'at', base, false), /^LoadConfigError: load\.tolerances of the config/);
  const t = prepareTracking({ tolerances: [{ spec: 'p99=50%', source: 'a' }, { spec: 'p99=40%,p95=off', source: 'b' }] }, 'at', base, false);
  assert.equal(t.historyFile, join(dir, 'seg', 'history', 'load.jsonl'));
  assert.deepEqual([t.tolerances.limits.p99, t.tolerances.limits.p95, t.tolerances.limits.p50], [40, null, 20]);
  assert.equal(prepareTracking({}, 'at', base, true).historyFile, null, 'segments write no history line');
});
