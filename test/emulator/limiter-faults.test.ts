/** The fixed one-second window limiter (choice limiter) beside the GCRA, and the faults http502-after and close. */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { RateLimiter } from '../../src/emulator/pipeline/throttle.ts';
import type { ThrottleConfig } from '../../src/emulator/types.ts';
import { limits } from '../../src/schema/index.ts';
import { c2c, CMD, createGroup, mark, withEmulator, type Harness } from './helpers.ts';

const RATE = limits.rateLimitPerSecond;
const T: ThrottleConfig = { enabled: true, perSecond: RATE, burst: 20, code: ErrorCodes.API_RATE_LIMITED, appWidePerSecond: 0 };

test(`fixed window: ${RATE} calls pass in each one-second window per command, the rest answer the throttle code; the next window starts afresh`, () => {
  const l = new RateLimiter();
  const window = (start: number, n: number, command = 'c') => Array.from({ length: n }, (_, i) => l.check(command, T, start + (i * 900) / n, 'fixed-window')?.code);
  const first = window(0, RATE + 50);
  assert.equal(first.filter((c) => c === undefined).length, RATE);
  assert.ok(first.slice(RATE).every((c) => c === T.code), 'every call beyond the window budget answers the throttle code');
  assert.equal(window(100, 10, 'other').filter((c) => c === undefined).length, 10, 'per command');
  const second = window(1000, RATE + 1);
  assert.equal(second.filter((c) => c === undefined).length, RATE, 'a new window');
  // unlike the GCRA, a fixed window admits a full budget on each side of a boundary (a docs-allowed shape)
  const edge = new RateLimiter();
  const at = (ms: number) => edge.check('c', T, ms, 'fixed-window') === undefined;
  const passed = [...Array.from({ length: RATE }, (_, i) => at(2990 + i * 0.01)), ...Array.from({ length: RATE }, (_, i) => at(3000 + i * 0.01))];
  assert.equal(passed.filter(Boolean).length, 2 * RATE);
  assert.equal(edge.check('c', { ...T, appWidePerSecond: 1 }, 4000, 'fixed-window'), undefined);
  assert.equal(edge.check('d', { ...T, appWidePerSecond: 1 }, 4001, 'fixed-window')?.code, ErrorCodes.SDKAPPID_RATE_LIMITED, 'app-wide window');
});

/** `n` concurrent mark calls; their codes. */
async function burst(h: Harness, n: number, prefix: string): Promise<number[]> {
  const calls = Array.from({ length: n }, (_, i) => h.call(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c(`${prefix}${i}`), CustomMark: 'x' }])));
  return (await Promise.all(calls)).map((b) => b.ErrorCode as number);
}

test('HTTP: the choice limiter picks the shape — a small fixed window admits its budget per window, the GCRA its burst', async () => {
  const perSecond = 5;
  const burstSize = 20;
  const calls = 30;
  for (const limiter of ['fixed-window', 'gcra'] as const) {
    await withEmulator({ config: { throttle: { enabled: true, perSecond, burst: burstSize }, choices: { limiter } } }, async (h) => {
      await h.importUsers('u1');
      const t0 = performance.now();
      const codes = await burst(h, calls, limiter);
      const windows = Math.ceil((performance.now() - t0) / 1000) + 1;
      const ok = codes.filter((c) => c === ErrorCodes.OK).length;
      assert.ok(codes.every((c) => c === ErrorCodes.OK || c === ErrorCodes.API_RATE_LIMITED), codes.join(','));
      if (limiter === 'fixed-window') assert.ok(ok <= perSecond * windows, `${ok} passed in at most ${windows} windows`);
      else assert.ok(ok >= burstSize, `the GCRA admits its burst: ${ok}`);
    });
  }
});

test('fault http502-after: the write is applied, the answer is a 502; a repeat meets the applied write', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    h.emu.control.addFaults({ command: CMD.create, kind: 'http502-after', probability: 1 });
    const r = await h.client.call(CMD.create, createGroup('u1', 'g', [c2c('a')]), { retry: false, validateRequest: false });
    assert.equal(r.httpStatus, 502);
    h.emu.control.clearFaults();
    const listed = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.deepEqual(listed.GroupItem.map((g: { GroupName: string }) => g.GroupName), ['g'], 'the group was created');
    assert.deepEqual(listed.ContactItem[0].ContactGroupId, [listed.GroupItem[0].GroupId]);
    await h.code(CMD.create, createGroup('u1', 'g'), h.emu.control.config().choices.duplicateGroupNameCode);
    // a read under the same fault: the answer is lost, nothing changes
    h.emu.control.addFaults({ command: '*', kind: 'http502-after', probability: 1 });
    assert.equal((await h.client.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { retry: false, validateRequest: false })).httpStatus, 502);
    h.emu.control.clearFaults();
    // http502 (before) leaves no trace
    h.emu.control.addFaults({ command: CMD.mark, kind: 'http502', probability: 1 });
    assert.equal((await h.client.call(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('b'), CustomMark: 'x' }]), { retry: false, validateRequest: false })).httpStatus, 502);
    h.emu.control.clearFaults();
    assert.equal((await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('b')] })).ContactResultItem.length, 0, 'a 502 before the server changes nothing');
    const stats = h.emu.control.stats() as { faults: Record<string, number> };
    assert.equal(stats.faults.http502After, 2);
    assert.equal(stats.faults.http502, 1);
  });
});

/** One POST on a keep-alive connection: status, Connection header, and whether the server closed the socket. */
function post(url: string, path: string, body: string): Promise<{ status: number; connection: string | undefined; closed: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    const agent = new Agent({ keepAlive: true });
    const req = request(new URL(path, url), { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const socket = res.socket;
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => {
        const done = (closed: boolean) => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed, text });
        if (!socket || socket.destroyed) return done(true);
        const timer = setTimeout(() => {
          agent.destroy();
          done(false);
        }, 1000);
        socket.once('close', () => {
          clearTimeout(timer);
          done(true);
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('fault close: the answer is normal, carries Connection: close, and the server closes the socket', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const path = (command: string) => `/v4/${command}?sdkappid=${h.emu.sdkappid}&identifier=${h.emu.admin}&usersig=${encodeURIComponent(h.sig())}&random=1&contenttype=json`;
    const body = JSON.stringify({ From_Account: 'u1', StartIndex: 0 });
    const open = await post(h.emu.url, path(CMD.get), body);
    assert.equal(open.status, 200);
    assert.notEqual(open.connection, 'close');
    assert.equal(open.closed, false, 'keep-alive without the fault');
    h.emu.control.addFaults({ command: '*', kind: 'close', probability: 1 });
    const closed = await post(h.emu.url, path(CMD.get), body);
    assert.equal(closed.status, 200);
    assert.equal(JSON.parse(closed.text).ErrorCode, ErrorCodes.OK);
    assert.equal(closed.connection, 'close');
    assert.equal(closed.closed, true);
    // through the project's client, every call still answers
    for (let i = 0; i < 5; i++) await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c(`p${i}`), CustomMark: 'x' }]));
    assert.equal((await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 })).ContactItem.length, 5);
  });
});
