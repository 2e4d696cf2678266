/** Rate limiting (GCRA) and fault injection. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCodes, isThrottleCode } from '../../src/errors/index.ts';
import { RateLimiter } from '../../src/emulator/pipeline/throttle.ts';
import type { ThrottleConfig } from '../../src/emulator/types.ts';
import { limits } from '../../src/schema/index.ts';
import { c2c, CMD, mark, withEmulator, type Harness } from './helpers.ts';

const T: ThrottleConfig = { enabled: true, perSecond: limits.rateLimitPerSecond, burst: 20, code: ErrorCodes.API_RATE_LIMITED, appWidePerSecond: 0 };

/** Calls at the given times (ms); returns how many passed. */
function run(times: number[], t: ThrottleConfig = T): number {
  const l = new RateLimiter();
  return times.filter((ms) => l.check('c', t, ms, 'gcra') === undefined).length;
}
const steady = (perSecond: number, seconds: number, start = 0) => Array.from({ length: perSecond * seconds }, (_, i) => start + (i * 1000) / perSecond);

test('GCRA: under the limit never throttled; a steady 300/s loses about 1/3; no double burst across a second boundary', () => {
  assert.equal(run(steady(limits.rateLimitPerSecond, 10)), limits.rateLimitPerSecond * 10);
  assert.equal(run(steady(199, 10)), 1990);
  const passed = run(steady(300, 10));
  assert.ok(Math.abs(passed / 3000 - 2 / 3) < 0.02, `passed ${passed} of 3000`);
  // 200 calls in the last 10 ms of a second and 200 in the first 10 ms of the next
  const edge = [...Array.from({ length: 200 }, (_, i) => 990 + i * 0.05), ...Array.from({ length: 200 }, (_, i) => 1000 + i * 0.05)];
  assert.ok(run(edge) <= T.burst + 1 + Math.ceil((20 / 1000) * T.perSecond), 'at most burst + 1 + rate*window');
  // every 1-second window of a long random stream stays under rate + burst + 1
  const l = new RateLimiter();
  const passedAt: number[] = [];
  let now = 0;
  for (let i = 0; i < 20000; i++) {
    now += Math.random() * 3;
    if (l.check('c', T, now, 'gcra') === undefined) passedAt.push(now);
  }
  for (let i = 0, j = 0; i < passedAt.length; i++) {
    while ((passedAt[i] as number) - (passedAt[j] as number) >= 1000) j++;
    assert.ok(i - j + 1 <= T.perSecond + T.burst + 1);
  }
});

test('GCRA: disabled passes everything; the app-wide limit answers SDKAPPID_RATE_LIMITED', () => {
  assert.equal(run(steady(1000, 1), { ...T, enabled: false }), 1000);
  const l = new RateLimiter();
  const codes = Array.from({ length: 30 }, (_, i) => l.check(i % 2 ? 'a' : 'b', { ...T, appWidePerSecond: 10, burst: 0 }, 0, 'gcra')?.code);
  assert.equal(codes.filter((c) => c === undefined).length, 1);
  assert.ok(codes.slice(1).every((c) => c === ErrorCodes.SDKAPPID_RATE_LIMITED));
});

async function burst(h: Harness, n: number, prefix: string): Promise<number[]> {
  const calls = Array.from({ length: n }, (_, i) => h.call(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c(`${prefix}${i}`), CustomMark: 'x' }])));
  return (await Promise.all(calls)).map((b) => b.ErrorCode as number);
}

test('HTTP: a burst far over the limit is throttled with the configured code, state unchanged for throttled calls', async () => {
  await withEmulator({ config: { throttle: { enabled: true } } }, async (h) => {
    await h.importUsers('u1');
    const t0 = performance.now();
    const codes = await burst(h, 500, 'p');
    const seconds = (performance.now() - t0) / 1000;
    const ok = codes.filter((c) => c === ErrorCodes.OK).length;
    const throttled = codes.filter((c) => c === ErrorCodes.API_RATE_LIMITED).length;
    assert.equal(ok + throttled, 500);
    assert.ok(ok <= T.burst + 1 + Math.ceil(T.perSecond * seconds), `${ok} passed in ${seconds.toFixed(2)} s`);
    assert.ok(throttled > 0);
    const stats = h.emu.control.stats() as { throttled: number };
    assert.equal(stats.throttled, throttled);
    const state = h.emu.control.state() as { users: Record<string, { conversations: unknown[] }> };
    assert.equal(state.users.u1!.conversations.length, ok, 'throttled calls changed nothing');
    await sleep(200);
    assert.equal((await burst(h, 1, 'after'))[0], ErrorCodes.OK, 'a call under the limit passes');
    h.emu.control.patchConfig({ throttle: { code: ErrorCodes.TOO_MANY_REQUESTS } });
    const again = await burst(h, 400, 'q');
    assert.ok(again.some((c) => c === ErrorCodes.TOO_MANY_REQUESTS));
    assert.ok(again.every((c) => c === ErrorCodes.OK || c === ErrorCodes.TOO_MANY_REQUESTS));
  });
});

test('HTTP: a steady 100 calls/s for one second is never throttled', async () => {
  await withEmulator({ config: { throttle: { enabled: true } } }, async (h) => {
    await h.importUsers('u1');
    const pending: Promise<{ ErrorCode: number }>[] = [];
    const start = performance.now();
    for (let i = 0; i < 100; i++) {
      const due = start + i * 10;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(h.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }) as Promise<{ ErrorCode: number }>);
    }
    const codes = (await Promise.all(pending)).map((b) => b.ErrorCode);
    assert.ok(codes.every((c) => c === ErrorCodes.OK), JSON.stringify(codes.filter((c) => c !== ErrorCodes.OK)));
  });
});

test('HTTP: the app-wide limit answers SDKAPPID_RATE_LIMITED across commands', async () => {
  await withEmulator({ config: { throttle: { enabled: true, appWidePerSecond: 10, burst: 2 } } }, async (h) => {
    await h.importUsers('u1');
    const bodies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? h.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }) : h.call(CMD.search, { From_Account: 'u1', ContactItem: [c2c('x')] }))),
    );
    assert.ok(bodies.some((b) => b.ErrorCode === ErrorCodes.SDKAPPID_RATE_LIMITED));
    assert.ok(bodies.every((b) => b.ErrorCode === ErrorCodes.OK || isThrottleCode(b.ErrorCode)));
  });
});

async function rawStatus(h: Harness, command: string): Promise<number | 'reset'> {
  try {
    const r = await h.client.call(command, { From_Account: 'u1', StartIndex: 0 }, { retry: false, validateRequest: false });
    return r.httpStatus;
  } catch (e) {
    assert.match(String(e), /reset|socket|network/i);
    return 'reset';
  }
}

test('faults: http502, reset, latency and error codes, per command, removable', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    h.emu.control.addFaults({ command: CMD.get, kind: 'http502', probability: 1 });
    assert.equal(await rawStatus(h, CMD.get), 502);
    await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('x')] });
    h.emu.control.clearFaults();
    h.emu.control.addFaults({ command: '*', kind: 'reset', probability: 1 });
    assert.equal(await rawStatus(h, CMD.get), 'reset');
    h.emu.control.clearFaults();
    h.emu.control.addFaults([{ command: CMD.get, kind: 'latency', probability: 1, latencyMs: 120 }]);
    const t0 = performance.now();
    await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.ok(performance.now() - t0 >= 115);
    h.emu.control.clearFaults();
    for (const code of [ErrorCodes.INTERNAL_ERROR, ErrorCodes.NETWORK_TIMEOUT, ErrorCodes.TOO_MANY_REQUESTS, ErrorCodes.TOO_MANY_REQUESTS_RETRY]) {
      h.emu.control.patchConfig({ faults: [{ command: '*', kind: 'error', probability: 1, code }] });
      await h.code(CMD.get, { From_Account: 'u1', StartIndex: 0 }, code);
    }
    h.emu.control.patchConfig({ faults: [{ command: '*', kind: 'error', probability: 1 }] });
    await h.code(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('p'), CustomMark: 'x' }]), ErrorCodes.INTERNAL_ERROR);
    assert.deepEqual((h.emu.control.state() as { users: Record<string, { conversations: unknown[] }> }).users.u1?.conversations, [], 'a faulted call changes nothing');
    const stats = h.emu.control.stats() as { faults: Record<string, number>; inFlight: number };
    assert.deepEqual(stats.faults, { http502: 1, http502After: 0, close: 0, reset: 1, latency: 1, error: 5 });
    assert.equal(stats.inFlight, 0, 'faulted requests are not left in flight');
  });
});

test('faults: the seeded PRNG makes probabilistic faults repeatable', async () => {
  const pattern = async (seed: number) => {
    let out = '';
    await withEmulator({ seed, config: { faults: [{ command: '*', kind: 'error', probability: 0.5, code: ErrorCodes.INTERNAL_ERROR }] } }, async (h) => {
      await h.importUsers('u1');
      for (let i = 0; i < 40; i++) out += (await h.call(CMD.get, { From_Account: 'u1', StartIndex: 0 })).ErrorCode === ErrorCodes.OK ? '.' : 'x';
    });
    return out;
  };
  const a = await pattern(42);
  assert.equal(await pattern(42), a);
  assert.notEqual(await pattern(43), a);
  assert.match(a, /x/);
  assert.match(a, /\./);
});
