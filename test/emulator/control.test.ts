/** The control API under /_emulator/ (HTTP and in-process). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { ControlInputError, defaultConfig, startEmulator } from '../../src/emulator/index.ts';
import { c2c, CMD, createGroup, withEmulator, type Harness } from './helpers.ts';

async function ctl(h: Harness, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.emu.url}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

test('health, state, stats and reset over HTTP', async () => {
  await withEmulator({}, async (h) => {
    const health = await ctl(h, 'GET', 'health');
    assert.deepEqual([health.status, health.body.ok, health.body.sdkappid, health.body.admin], [200, true, h.emu.sdkappid, h.emu.admin]);
    await h.importUsers('u1');
    const gid = await h.imGroup();
    await h.ok(CMD.create, createGroup('u1', 'g', [c2c('p')]));
    await h.code(CMD.create, createGroup('u1', 'g'), ErrorCodes.INVALID_PARAMETER);
    const state = (await ctl(h, 'GET', 'state')).body;
    assert.deepEqual(state.accounts, [{ UserID: 'u1' }]);
    assert.equal(state.imGroups[0].GroupId, gid);
    assert.deepEqual(state.users.u1.groups, [{ GroupName: 'g', GroupId: 1 }]);
    assert.deepEqual(state.users.u1.conversations[0].ContactGroupId, [1]);
    const stats = (await ctl(h, 'GET', 'stats')).body;
    assert.equal(stats.byCommand[CMD.create].calls, 2);
    assert.equal(stats.byCommand[CMD.create].byCode[ErrorCodes.INVALID_PARAMETER], 1);
    assert.equal(stats.byCode[ErrorCodes.OK], 3);
    assert.equal(typeof stats.inFlight, 'number');
    h.emu.control.patchConfig({ pageSize: 3 });
    assert.deepEqual((await ctl(h, 'POST', 'reset')).body, { ok: true, config: false });
    assert.deepEqual((await ctl(h, 'GET', 'state')).body.accounts, []);
    assert.equal((await ctl(h, 'GET', 'stats')).body.total, 0);
    assert.equal((await ctl(h, 'GET', 'config')).body.pageSize, 3, 'config survives a state reset');
    await ctl(h, 'POST', 'reset', { config: true });
    assert.equal((await ctl(h, 'GET', 'config')).body.pageSize, defaultConfig().pageSize);
    assert.equal((await ctl(h, 'GET', 'config')).body.throttle.enabled, false, 'reset returns to the start config, not the defaults');
  });
});

test('config: GET, PATCH deep-merges, faults and clock endpoints', async () => {
  await withEmulator({}, async (h) => {
    const patched = await ctl(h, 'PATCH', 'config', { edition: 'standard', throttle: { perSecond: 50 }, limits: { maxGroupsPerUser: 2 } });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.throttle.perSecond, 50);
    assert.equal(patched.body.throttle.burst, 20, 'siblings kept');
    assert.equal(patched.body.limits.maxMarkItems, defaultConfig().limits.maxMarkItems);
    await h.importUsers('u1');
    await h.code(CMD.create, createGroup('u1', 'g'), ErrorCodes.EDITION_NOT_SUPPORTED);
    const added = await ctl(h, 'POST', 'faults', { command: CMD.get, kind: 'error', probability: 1, code: ErrorCodes.NETWORK_TIMEOUT });
    assert.equal(added.body.length, 1);
    assert.equal((await ctl(h, 'GET', 'faults')).body.length, 1);
    await h.code(CMD.get, { From_Account: 'u1', StartIndex: 0 }, ErrorCodes.NETWORK_TIMEOUT);
    assert.deepEqual((await ctl(h, 'DELETE', 'faults')).body, []);
    await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    const before = h.emu.control.now();
    const clock = await ctl(h, 'POST', 'clock', { advanceSeconds: 3600 });
    assert.equal(clock.body.offsetSeconds, 3600);
    assert.ok(clock.body.now >= before + 3600);
    assert.equal((await ctl(h, 'POST', 'clock', { offsetSeconds: -10 })).body.offsetSeconds, -10);
    assert.equal((await ctl(h, 'GET', 'config')).body.clockOffsetSeconds, -10);
  });
});

test('bad control input is 400 with a message; unknown endpoints 404; wrong methods 405', async () => {
  await withEmulator({}, async (h) => {
    const bad: [string, string, unknown][] = [
      ['PATCH', 'config', '{not json'],
      ['PATCH', 'config', { edition: 'gold' }],
      ['PATCH', 'config', { nope: 1 }],
      ['PATCH', 'config', { limits: { maxMarkItems: 0 } }],
      ['PATCH', 'config', { throttle: { perSecond: -1 } }],
      ['PATCH', 'config', []],
      ['PATCH', 'config', undefined],
      ['POST', 'faults', { command: CMD.get, kind: 'explode', probability: 1 }],
      ['POST', 'faults', { command: 'recentcontact/nope', kind: 'error', probability: 1 }],
      ['POST', 'faults', { command: '*', kind: 'error', probability: 2 }],
      ['POST', 'clock', { advanceSeconds: 'soon' }],
      ['POST', 'clock', { advanceSeconds: 1, offsetSeconds: 1 }],
      ['POST', 'clock', { advanceSeconds: 1.5 }],
      ['POST', 'reset', { config: 'yes' }],
      ['POST', 'reset', { everything: true }],
    ];
    for (const [method, path, body] of bad) {
      const r = await ctl(h, method, path, body);
      assert.equal(r.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
      assert.equal(typeof r.body.error, 'string');
    }
    assert.equal((await ctl(h, 'GET', 'nope')).status, 404);
    assert.equal((await ctl(h, 'DELETE', 'state')).status, 405);
    assert.equal((await ctl(h, 'GET', 'config')).body.edition, 'pro', 'bad patches change nothing');
  });
});

test('in-process control throws ControlInputError; bad start options are refused', async () => {
  await withEmulator({}, async (h) => {
    assert.throws(() => h.emu.control.patchConfig({ pageSize: 'x' }), ControlInputError);
    assert.throws(() => h.emu.control.clock({}), ControlInputError);
  });
  await assert.rejects(startEmulator({ config: { edition: 'gold' as 'pro' } }), ControlInputError);
});

test('the control API is never under /v4/', async () => {
  await withEmulator({}, async (h) => {
    const r = await fetch(`${h.emu.url}/v4/_emulator/health`, { method: 'POST', body: '{}' });
    assert.equal(((await r.json()) as { ErrorCode: number }).ErrorCode, ErrorCodes.RESOURCE_NOT_FOUND);
  });
});
