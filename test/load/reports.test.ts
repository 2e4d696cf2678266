import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { Analyser } from '../../load/analyse/analyse.ts';
import { readGobUint, GobResultCounter } from '../../load/generate/gob-count.ts';
import { Histogram } from '../../load/analyse/histogram.ts';
import { toJUnit } from '../../load/report/junit.ts';
import { mergeSummaries } from '../../load/merge.ts';
import { readLoadSummaries, writeReports } from '../../load/report/report.ts';
import { buildSummary, summaryProblems, type RunFacts } from '../../load/report/summary.ts';
import { TargetWriter } from '../../load/generate/vegeta-targets.ts';
import { judgeAll } from '../../load/analyse/thresholds.ts';
import { allAt, fail, makePlan, OK, resultLine, SIGNED } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tcim-load-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function facts(segment = { index: 1, count: 1 }): RunFacts {
  return {
    profile: 'over',
    description: 'test',
    runIds: ['abc123'],
    segments: [segment],
    merged: false,
    target: { kind: 'embedded-emulator', baseUrl: 'http://127.0.0.1:1', sdkappid: 1400000001 },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    expectation: { kind: 'throttled-share', documentedCeiling: 200, burst: 20, throttleCode: ErrorCodes.API_RATE_LIMITED, seconds: 2, serverRates: Object.fromEntries(Object.entries(allAt(30)).map(([c, r]) => [c, (r as number) * segment.count])) },
    generator: { tool: 'vegeta', version: 'v12.13.0', cpuSeconds: 0.5, cpuPercent: 25, workers: 10, maxWorkers: 16, attacks: 1 },
    emulator: null,
    leakCheck: { checkedUsers: 4, leftoverGroups: 0, leftoverConversations: 0, sessionsDeleted: 3, passed: true, examples: [] },
    ceiling: null,
    soak: null,
    notes: ['a <note> & "quote"'],
  };
}

/** Statistics of a 2 s run at 30/s per command where one third of every command is throttled. */
function sampleStats(segment = { index: 0, count: 1 }) {
  const plan = makePlan(allAt(30), 2, segment);
  const a = new Analyser({ plan, windowMs: 1000, lateLimitMs: 50, schemaEvery: 0, strictSchema: true });
  const w = new TargetWriter(plan, SIGNED);
  for (let seq = 0; seq < plan.count; seq++) {
    const op = plan.operation(seq);
    const url = (JSON.parse(w.line(seq)) as { url: string }).url;
    a.line(resultLine({ seq, tsMs: Date.UTC(2026, 0, 1) + (seq + 1) * (1000 / plan.schedule.total) + segment.index * 0.3, url, body: op.ordinal % 3 === 2 ? fail(ErrorCodes.API_RATE_LIMITED) : OK }));
  }
  return a.finish().stats;
}

/** Minimal XML well-formedness: balanced tags, quoted attributes, escaped text. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(re)) {
    if (m[6]) assert.fail(`stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(m[5]), `unescaped & in ${m[5].slice(0, 40)}`);
      continue;
    }
    if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2] as string);
  }
  assert.deepEqual(stack, []);
}

test('summary.json validates against load/summary-schema.json; a broken one does not', () => {
  const stats = sampleStats();
  const e = facts().expectation;
  const checks = judgeAll(stats, { expectation: e.kind, ceiling: 200, burst: 20, seconds: 2, throttleCode: e.throttleCode, serverRates: e.serverRates });
  const s = buildSummary(facts(), stats, checks);
  assert.deepEqual(summaryProblems(s), []);
  assert.equal(s.totals.calls, 360);
  assert.equal(s.totals.throttled, 120);
  assert.equal(s.commands['recentcontact/get_contact_group']?.throttledShare, 0.333);
  assert.notDeepEqual(summaryProblems({ ...s, verdict: 'maybe' }), []);
  assert.notDeepEqual(summaryProblems({ ...s, totals: { ...s.totals, calls: -1 } }), []);
  const { commands: _c, ...noCommands } = s;
  assert.notDeepEqual(summaryProblems(noCommands), []);
});

test('junit.xml: well-formed, one testcase per check, failures carry observed and expected', () => {
  const stats = sampleStats();
  const checks = judgeAll(stats, { expectation: 'zero-throttled', ceiling: 200, burst: 20, seconds: 2, throttleCode: ErrorCodes.API_RATE_LIMITED });
  checks.push({ name: 'leak_check', command: 'run', passed: true, observed: 'x < y & "z"', expected: "it's" });
  const s = buildSummary(facts(), stats, checks);
  const xml = toJUnit(s);
  assertWellFormed(xml);
  assert.equal((xml.match(/<testcase /g) ?? []).length, checks.length);
  assert.equal((xml.match(/<failure /g) ?? []).length, checks.filter((c) => !c.passed).length);
  assert.match(xml, /name="zero_throttled"[^>]*>\s*<failure message="zero_throttled: observed 20 throttled/);
  assert.match(xml, /x &lt; y &amp; &quot;z&quot;/);
  const inconclusive = buildSummary({ ...facts(), inconclusive: 'target unreachable' }, new Map(), []);
  assertWellFormed(toJUnit(inconclusive));
  assert.match(toJUnit(inconclusive), /<error message="target unreachable"/);
});

test('reports: index.html is self-contained (inline SVG, no script, no network); readLoadSummaries finds them', () => {
  const dir = join(scratch, 'reports');
  const s = buildSummary(facts(), sampleStats(), []);
  const files = writeReports(join(dir, 'load', 'over'), s);
  const html = readFileSync(files.html, 'utf8');
  assert.match(html, /<svg /);
  assert.doesNotMatch(html, /<script|<link|src="http|href="http|@import/);
  assert.match(html, /a &lt;note&gt; &amp;/);
  mkdirSync(join(dir, 'load', 'broken'));
  writeFileSync(join(dir, 'load', 'broken', 'summary.json'), '{"kind":"nope"}');
  const found = readLoadSummaries(dir);
  assert.deepEqual(found.map((f) => [f.profile, f.summary ? 'ok' : 'error']), [['broken', 'error'], ['over', 'ok']]);
  assert.equal(readLoadSummaries(join(dir, 'load')).length, 2);
  assert.deepEqual(readLoadSummaries(join(dir, 'missing')), []);
});

test('load merge: segments add up, thresholds are judged on the whole', () => {
  const parts = [0, 1].map((i) => {
    const stats = sampleStats({ index: i, count: 2 });
    const seg = { index: i + 1, count: 2 };
    return buildSummary(facts(seg), stats, [{ name: 'leak_check', command: 'run', passed: true, observed: 'ok', expected: 'ok' }]);
  });
  const m = mergeSummaries(parts);
  assert.deepEqual(summaryProblems(m), []);
  assert.equal(m.merged, true);
  assert.deepEqual(m.segments, [{ index: 1, count: 2 }, { index: 2, count: 2 }]);
  const get = m.commands['recentcontact/get_contact_group'];
  assert.equal(get?.calls, 120);
  assert.equal(get?.targetRate, 60);
  assert.ok(Math.abs((get?.achievedRate ?? 0) - 60) < 0.5, String(get?.achievedRate));
  assert.equal(get?.latency.n, 120);
  assert.equal(m.checks.filter((c) => c.name === 'leak_check').length, 2);
  assert.throws(() => mergeSummaries([parts[0]!, parts[0]!]), /same segment/);
});

test('histogram percentiles are upper bounds within 2 %; merge adds counts', () => {
  const h = new Histogram();
  for (let i = 1; i <= 1000; i++) h.add(i / 10);
  for (const [p, v] of [[50, 50], [95, 95], [99, 99]] as const) {
    const got = h.percentile(p);
    assert.ok(got >= v && got <= v * 1.02 + 1e-9, `p${p}: ${got}`);
  }
  const g = Histogram.from(h.toJSON()).merge(h);
  assert.equal(g.n, 2000);
  assert.ok(Math.abs(g.percentile(50) - h.percentile(50)) < 1e-9);
  assert.equal(new Histogram().percentile(99), 0);
});

test('gob result counter: counts value messages, skips type definitions and partial tails', () => {
  assert.deepEqual(readGobUint(Buffer.from([0x05]), 0), [5, 1]);
  assert.deepEqual(readGobUint(Buffer.from([0xfe, 0x01, 0x00]), 0), [256, 3]);
  const msg = (typeId: number, payload: number) => Buffer.concat([Buffer.from([payload + 1, typeId]), Buffer.alloc(payload, 7)]);
  // gob ints are zig-zag coded: type id 1 → 2 (even: a value), −65 → 129, 65 → 130
  const def = Buffer.from([0x04, 0xff, 0x81, 0x01, 0x02]);
  const value = (n: number) => Buffer.concat([Buffer.from([n + 2]), Buffer.from([0xff, 0x82]), Buffer.alloc(n, 1)]);
  const file = join(scratch, 'r.bin');
  writeFileSync(file, Buffer.concat([def, value(3), value(10), msg(2, 1)]));
  const c = new GobResultCounter(file);
  assert.equal(c.poll(), 3);
  writeFileSync(file, Buffer.concat([def, value(3), value(10), msg(2, 1), value(5).subarray(0, 4)]));
  assert.equal(c.poll(), 3, 'a partial message is not counted yet');
  c.close();
});
