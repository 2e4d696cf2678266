import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { registerSecret } from '../../src/client/index.ts';
import { Analyser, type AnalyseOptions } from '../../load/analyse/analyse.ts';
import { duplicateNameAnswer } from '../../load/analyse/consequences.ts';
import type { LoadCommand } from '../../load/plan/commands.ts';
import type { Plan } from '../../load/plan/plan.ts';
import { TargetWriter } from '../../load/generate/vegeta-targets.ts';
import { parseTimestamp } from '../../load/analyse/results.ts';
import { allAt, fail, makePlan, OK, resultLine, SIGNED, type Hit } from './helpers.ts';

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0, 400);
type Answer = Partial<Pick<Hit, 'code' | 'body' | 'error' | 'latencyMs'>> & { shiftMs?: number };

/** Every operation of the plan, answered OK unless `answer` says otherwise; hits exactly on schedule. */
function analyse(plan: Plan, answer: (command: LoadCommand, ordinal: number, seq: number) => Answer | undefined, o: Partial<AnalyseOptions> = {}) {
  const a = new Analyser({ plan, windowMs: 1000, lateLimitMs: 50, schemaEvery: 0, strictSchema: true, ...o });
  const w = new TargetWriter(plan, SIGNED);
  const interval = 1000 / plan.schedule.total;
  for (let seq = 0; seq < plan.count; seq++) {
    const op = plan.operation(seq);
    const x = answer(op.command, op.ordinal, seq) ?? {};
    const url = (JSON.parse(w.line(seq)) as { url: string }).url;
    a.line(resultLine({ seq, tsMs: T0 + (seq + 1) * interval + (x.shiftMs ?? 0), url, code: x.code ?? 200, body: x.code === 0 ? undefined : (x.body ?? OK), error: x.error ?? '', latencyMs: x.latencyMs ?? 2 }));
  }
  return a.finish();
}

test('timestamps keep sub-millisecond precision', () => {
  assert.equal(parseTimestamp('2026-01-01T00:00:00.000250000Z') - Date.UTC(2026, 0, 1), 0.25);
  assert.equal(parseTimestamp('2026-01-01T08:00:01.5+08:00') - Date.UTC(2026, 0, 1), 1500);
});

test('all OK on schedule: exact calls, achieved rate, no late starts, per-second series', () => {
  const plan = makePlan(allAt(5), 2);
  const r = analyse(plan, () => undefined);
  assert.equal(r.unmatched, 0);
  for (const s of r.stats.values()) {
    assert.equal(s.calls, 10);
    assert.equal(s.ok, 10);
    assert.equal(s.plannedCalls, 10);
    assert.ok(Math.abs(s.achievedRate - 5) < 1e-6, String(s.achievedRate));
    assert.equal(s.late, 0);
    assert.equal([...s.series.values()].reduce((n, p) => n + p.calls, 0), 10);
    assert.ok(Math.abs(s.latency.percentile(50) - 2) / 2 < 0.021);
  }
});

test('late starts: more than max(50 ms, one interval of the command) after the schedule, measured from the earliest hit', () => {
  const shifted = (_c: LoadCommand, _o: number, seq: number): Answer | undefined => (seq >= 30 && seq < 36 ? { shiftMs: 80 } : seq === 40 ? { shiftMs: 30 } : undefined);
  const fast = analyse(makePlan(allAt(30), 2), shifted);
  assert.equal([...fast.stats.values()].reduce((n, s) => n + s.late, 0), 6);
  const max = Math.max(...[...fast.stats.values()].map((s) => s.lateness.maxMs));
  assert.ok(Math.abs(max - 80) < 0.01, String(max));
  assert.equal(fast.stats.get('recentcontact/get_contact_group')?.lateLimitMs, 50);
  // at 5/s per command one interval is 200 ms: an 80 ms delay cannot bunch two calls of a command
  const slow = analyse(makePlan(allAt(5), 2), shifted);
  assert.equal([...slow.stats.values()].reduce((n, s) => n + s.late, 0), 0);
});

test('throttle answers are counted by code and as the throttled share', () => {
  const plan = makePlan({ 'recentcontact/get_contact_group': 30, 'recentcontact/mark_contact': 30 }, 3);
  const r = analyse(plan, (c, o) => (c === 'recentcontact/get_contact_group' && o % 3 === 0 ? { body: fail(ErrorCodes.API_RATE_LIMITED) } : c === 'recentcontact/mark_contact' && o === 7 ? { body: fail(ErrorCodes.TOO_MANY_REQUESTS) } : undefined));
  const get = r.stats.get('recentcontact/get_contact_group');
  assert.equal(get?.throttled, 30);
  assert.deepEqual(get?.throttleCodes, { [ErrorCodes.API_RATE_LIMITED]: 30 });
  assert.deepEqual(get?.codes, { 0: 60, [ErrorCodes.API_RATE_LIMITED]: 30 });
  assert.deepEqual(r.stats.get('recentcontact/mark_contact')?.throttleCodes, { [ErrorCodes.TOO_MANY_REQUESTS]: 1 });
  assert.deepEqual(get?.contractErrors, {});
});

test('churn consequences are told apart from contract errors exactly', () => {
  // create/del at 5/s: lag L = 5 creates, 4 users × 10 slots, so a slot is reused 40 creates later
  const plan = makePlan({ 'recentcontact/create_contact_group': 5, 'recentcontact/del_contact_group': 5 }, 10);
  assert.equal(plan.churn.lag, 5);
  const C = 'recentcontact/create_contact_group';
  const D = 'recentcontact/del_contact_group';
  const r = analyse(plan, (c, o) => {
    if (c === C && o === 2) return { body: fail(ErrorCodes.API_RATE_LIMITED) }; // → del 7 finds nothing
    if (c === D && o === 7) return { body: fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND) }; // consequence
    if (c === D && o === 3) return { body: fail(ErrorCodes.API_RATE_LIMITED) }; // warm-up group −2 stays
    if (c === C && o === 38) return { body: fail(ErrorCodes.INVALID_PARAMETER) }; // its slot is still taken: consequence
    if (c === D && o === 20) return { body: fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND) }; // create 15 was OK: contract error
    if (c === C && o === 30) return { body: fail(ErrorCodes.INTERNAL_ERROR) }; // contract error
    if (c === D && o === 35) return { body: fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND) }; // create 30 failed: consequence
    return undefined;
  });
  const create = r.stats.get(C);
  const del = r.stats.get(D);
  assert.deepEqual(create?.consequences, { [ErrorCodes.INVALID_PARAMETER]: 1 });
  assert.deepEqual(create?.contractErrors, { [ErrorCodes.INTERNAL_ERROR]: 1 });
  assert.deepEqual(del?.consequences, { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 2 });
  assert.deepEqual(del?.contractErrors, { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 1 });
  assert.equal(create?.throttled, 1);
  assert.equal(del?.throttled, 1);
  const points = [...(del?.series.values() ?? [])];
  assert.equal(points.reduce((n, p) => n + p.consequences, 0), 2);
});

test('throttle answers to late starts and the consequences they cause are marked as the generator’s doing', () => {
  const plan = makePlan({ 'recentcontact/create_contact_group': 5, 'recentcontact/del_contact_group': 5 }, 4);
  const C = 'recentcontact/create_contact_group';
  const D = 'recentcontact/del_contact_group';
  const r = analyse(plan, (c, o) => {
    if (c === C && o === 2) return { body: fail(ErrorCodes.API_RATE_LIMITED), shiftMs: 300 }; // late (limit 200 ms at 5/s) and throttled
    if (c === D && o === 7) return { body: fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND) };
    if (c === C && o === 4) return { body: fail(ErrorCodes.API_RATE_LIMITED) }; // on time
    if (c === D && o === 9) return { body: fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND) };
    return undefined;
  });
  assert.equal(r.stats.get(C)?.throttled, 2);
  assert.equal(r.stats.get(C)?.throttledLate, 1);
  assert.deepEqual(r.stats.get(D)?.consequences, { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 2 });
  assert.equal(r.stats.get(D)?.consequencesLate, 1);
});

test('transport errors (redacted), HTTP non-200, unparseable bodies, per-item failures, unmatched URLs', () => {
  registerSecret(SIGNED.usersig);
  const plan = makePlan({ 'recentcontact/get_contact_group': 10, 'recentcontact/mark_contact': 10 }, 1);
  const url = `${SIGNED.baseUrl}/v4/recentcontact/get_contact_group?usersig=${SIGNED.usersig}`;
  const r = analyse(plan, (c, o) => {
    if (c === 'recentcontact/get_contact_group' && o === 0) return { code: 0, error: `Post "${url}": dial tcp 127.0.0.1:1: connect: connection refused` };
    if (c === 'recentcontact/get_contact_group' && o === 1) return { code: 502, body: '<html>bad gateway</html>' };
    if (c === 'recentcontact/get_contact_group' && o === 2) return { body: 'not json' };
    if (c === 'recentcontact/mark_contact' && o === 4) return { body: { ...OK, ResultItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'x' }, ResultCode: ErrorCodes.CONVERSATION_LIMIT_EXCEEDED, ResultInfo: '' }] } };
    return undefined;
  });
  const get = r.stats.get('recentcontact/get_contact_group');
  assert.deepEqual(Object.values(get?.transportErrors ?? {}), [1]);
  const key = Object.keys(get?.transportErrors ?? {})[0] as string;
  assert.ok(!key.includes(SIGNED.usersig) && !key.includes('http'), key);
  assert.match(key, /connection refused/);
  assert.deepEqual(get?.httpNon200, { 502: 1 });
  assert.deepEqual(get?.contractErrors, { unparseable: 1 });
  assert.equal(get?.latency.n, 9, 'a transport error has no latency');
  assert.deepEqual(r.stats.get('recentcontact/mark_contact')?.perItemFailures, { [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED]: 1 });
  const a = new Analyser({ plan, windowMs: 1000, lateLimitMs: 50, schemaEvery: 0, strictSchema: true });
  a.line(resultLine({ seq: 0, tsMs: T0, url: `${SIGNED.baseUrl}/v4/recentcontact/get_contact_group?random=1`, body: OK }));
  a.line(resultLine({ seq: 1, tsMs: T0, url: '', code: 0, error: 'no targets to attack' }));
  assert.equal(a.finish().unmatched, 2);
});

test('sampled schema validation counts violations with an example', () => {
  const plan = makePlan({ 'recentcontact/get_contact_group': 10 }, 2);
  const valid = { ...OK, ContactItem: [], GroupItem: [], CompleteFlag: 1, NextStartIndex: 0 };
  const r = analyse(plan, (_c, o) => ({ body: o === 10 ? { ...OK, ContactItem: 'oops' } : valid }), { schemaEvery: 5 });
  const s = r.stats.get('recentcontact/get_contact_group');
  assert.equal(s?.schema.sampled, 4);
  assert.equal(s?.schema.violations, 1);
  assert.match(s?.schema.examples[0] ?? '', /ContactItem/);
});

test('a churn create refused for an existing name: any documented refusal of the request unless TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE pins one', () => {
  assert.equal(duplicateNameAnswer(ErrorCodes.INVALID_PARAMETER, undefined), true);
  assert.equal(duplicateNameAnswer(ErrorCodes.CONTACT_GROUP_NAME_INVALID, undefined), true);
  assert.equal(duplicateNameAnswer(ErrorCodes.INTERNAL_ERROR, undefined), false);
  assert.equal(duplicateNameAnswer(ErrorCodes.OK, undefined), false);
  assert.equal(duplicateNameAnswer(ErrorCodes.CONTACT_GROUP_NAME_INVALID, ErrorCodes.INVALID_PARAMETER), false);
  assert.equal(duplicateNameAnswer(ErrorCodes.INVALID_PARAMETER, ErrorCodes.INVALID_PARAMETER), true);
});
