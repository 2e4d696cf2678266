import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRequest } from '../../src/schema/index.ts';
import { Churn } from '../../load/plan/churn.ts';
import { LOAD_COMMANDS, parseCommandList } from '../../load/plan/commands.ts';
import { CHURN_SLOTS } from '../../load/plan/user-pool.ts';
import { getProfile, profileRates } from '../../load/plan/profiles.ts';
import { RandomCodec } from '../../load/plan/random.ts';
import { apportion, Schedule, segmentRates, segmentShare } from '../../load/plan/schedule.ts';
import { TargetWriter } from '../../load/generate/vegeta-targets.ts';
import { allAt, makePlan, SIGNED, urlOf } from './helpers.ts';

test('equal rates round-robin over the six commands; every second holds exactly each rate', () => {
  const s = new Schedule(allAt(300));
  assert.equal(s.total, 1800);
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => s.at(i).command), [...LOAD_COMMANDS, LOAD_COMMANDS[0]]);
  for (let sec = 0; sec < 3; sec++) {
    const counts = new Map<string, number>();
    for (let i = sec * s.total; i < (sec + 1) * s.total; i++) counts.set(s.at(i).command, (counts.get(s.at(i).command) ?? 0) + 1);
    for (const c of LOAD_COMMANDS) assert.equal(counts.get(c), 300);
  }
});

test('unequal rates interleave smoothly and ordinals count each command from 0', () => {
  const s = new Schedule({ 'recentcontact/get_contact_group': 70, 'recentcontact/mark_contact': 24, 'recentcontact/create_contact_group': 8, 'recentcontact/del_contact_group': 8 });
  const seen = new Map<string, number[]>();
  for (let i = 0; i < 2 * s.total; i++) {
    const { command, ordinal } = s.at(i);
    seen.set(command, [...(seen.get(command) ?? []), ordinal]);
  }
  for (const [c, ords] of seen) assert.deepEqual(ords, Array.from({ length: 2 * s.rate(c as never) }, (_, k) => k), c);
  // no long runs of one command: the largest gap between two gets is at most 2 positions
  const gets = Array.from({ length: s.total }, (_, i) => i).filter((i) => s.at(i).command === 'recentcontact/get_contact_group');
  assert.ok(gets.every((g, k) => k === 0 || g - (gets[k - 1] as number) <= 3));
});

test('random codec: unique, reversible, disjoint ranges per segment', () => {
  const a = new RandomCodec(0, 2, 777);
  const b = new RandomCodec(1, 2, 777);
  const seen = new Set<number>();
  for (let i = 0; i < 50_000; i++) {
    const ra = a.encode(i);
    const rb = b.encode(i);
    assert.ok(ra >= 0 && ra < 2 ** 31 && rb >= 2 ** 31 && rb < 2 ** 32);
    assert.ok(!seen.has(ra) && !seen.has(rb));
    seen.add(ra).add(rb);
    assert.equal(a.decode(ra), i);
    assert.equal(b.decode(rb), i);
    assert.equal(a.decode(rb), undefined);
  }
  const one = new RandomCodec(0, 1, 5);
  for (const i of [0, 1, 2 ** 31, 2 ** 32 - 1]) assert.equal(one.decode(one.encode(i)), i);
});

test('segment shares add up to the whole rate; mix apportions 200/s exactly with create = del', () => {
  for (const [rate, n] of [[200, 3], [1, 2], [301, 7]] as const) {
    assert.equal(Array.from({ length: n }, (_, i) => segmentShare(rate, i, n)).reduce((x, y) => x + y, 0), rate);
  }
  const mix = profileRates(getProfile('mix'), [...LOAD_COMMANDS]);
  assert.equal(Object.values(mix).reduce((x, y) => x + (y as number), 0), 200);
  assert.equal(mix['recentcontact/create_contact_group'], mix['recentcontact/del_contact_group']);
  assert.ok((mix['recentcontact/get_contact_group'] as number) > (mix['recentcontact/mark_contact'] as number));
  const halves = [segmentRates(mix, 0, 2), segmentRates(mix, 1, 2)];
  for (const c of LOAD_COMMANDS) assert.equal((halves[0]?.[c] ?? 0) + (halves[1]?.[c] ?? 0), mix[c]);
  assert.deepEqual(apportion(10, { 'recentcontact/get_contact_group': 1, 'recentcontact/mark_contact': 1, 'recentcontact/search_contact_group': 1 }), {
    'recentcontact/get_contact_group': 4,
    'recentcontact/search_contact_group': 3,
    'recentcontact/mark_contact': 3,
  });
});

test('every target is a signed POST whose body matches its request schema, and locate() finds its operation', () => {
  const plan = makePlan(allAt(50), 2);
  const w = new TargetWriter(plan, SIGNED);
  const randoms = new Set<string>();
  for (let i = 0; i < plan.count; i++) {
    const t = JSON.parse(w.line(i)) as { method: string; url: string; body: string; header: Record<string, string[]> };
    assert.equal(t.method, 'POST');
    const u = new URL(t.url);
    assert.equal(u.searchParams.get('usersig'), SIGNED.usersig);
    assert.equal(u.searchParams.get('contenttype'), 'json');
    randoms.add(u.searchParams.get('random') as string);
    const op = plan.operation(i);
    const v = validateRequest(op.command, JSON.parse(Buffer.from(t.body, 'base64').toString('utf8')));
    assert.ok(v.ok, `${op.command}: ${JSON.stringify(v.errors)}`);
    assert.deepEqual(plan.locate(t.url), op);
  }
  assert.equal(randoms.size, plan.count);
  assert.equal(plan.locate(urlOf(w, 0).replace(/random=\d+/, 'random=1')), undefined);
});

test('churn: a user never holds more than the churn slots; a slot is reused only after 2·L creates', () => {
  const churn = new Churn(300);
  assert.equal(churn.lag, 300);
  const live = new Map<string, number>();
  const lastUse = new Map<string, number>();
  for (let k = -churn.lag; k < 3000; k++) {
    const s = churn.slotOf(k);
    const key = `${s.user}/${s.name}`;
    if (lastUse.has(key)) assert.ok(k - (lastUse.get(key) as number) >= 2 * churn.lag, `slot ${key} reused after ${k - (lastUse.get(key) as number)}`);
    lastUse.set(key, k);
    live.set(String(s.user), new Set([...lastUse.keys()].filter((x) => x.startsWith(`${s.user}/`))).size);
  }
  assert.ok(Math.max(...live.values()) <= CHURN_SLOTS);
  assert.deepEqual(churn.slotOf(churn.pairedCreate(0)), churn.warmUp()[0]);
});

test('--commands parsing: aliases, full names, unknown names', () => {
  assert.deepEqual(parseCommandList('del,get,v4/recentcontact/mark_contact'), ['recentcontact/get_contact_group', 'recentcontact/mark_contact', 'recentcontact/del_contact_group']);
  assert.equal(parseCommandList(undefined).length, 6);
  assert.throws(() => parseCommandList('get,nope'), /unknown command "nope"/);
});
