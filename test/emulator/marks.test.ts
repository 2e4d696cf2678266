/** mark_contact, search_contact_group, get_contact_group: marks, limits, caps, paging, Timestamp. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { allPages, c2c, CMD, createGroup, g2c, mark, peers, updateMembers, withEmulator, type Harness } from './helpers.ts';

const custom = (peer: string, value: string) => ({ OptType: 2, ContactItem: c2c(peer), CustomMark: value });
const bits = (peer: string, set: number[], clear: number[] = []) => ({ OptType: 1, ContactItem: c2c(peer), SetMark: set, ClearMark: clear });
const one = async (h: Harness, user: string, peer: string) => (await h.ok(CMD.search, { From_Account: user, ContactItem: [c2c(peer)] })).ContactResultItem[0];

/** Gives `n` new conversations of `user` custom marks, in requests of 100. */
async function fill(h: Harness, user: string, names: string[]): Promise<void> {
  for (let i = 0; i < names.length; i += limits.maxMarkItems) {
    const r = await h.ok(CMD.mark, mark(user, names.slice(i, i + limits.maxMarkItems).map((p) => custom(p, 'c'))));
    assert.ok(r.ResultItem.every((x: { ResultCode: number }) => x.ResultCode === ErrorCodes.OK));
  }
}

test('MarkItem count: 100 ok; 0 and 101 are MARK_ITEM_COUNT_OUT_OF_RANGE (before schema validation)', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const items = peers(limits.maxMarkItems).map((p) => custom(p, 'x'));
    const r = await h.ok(CMD.mark, mark('u1', items));
    assert.equal(r.ResultItem.length, limits.maxMarkItems);
    assert.equal(r.ErrorDisplay, '');
    await h.code(CMD.mark, mark('u1', []), ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE);
    await h.code(CMD.mark, mark('u1', [...items, custom('extra', 'x')]), ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE);
    // MARK_ITEM_COUNT_OUT_OF_RANGE wins over other violations in the same body and over an unknown user
    await h.code(CMD.mark, { From_Account: 'ghost', MarkItem: [], Junk: 1 }, ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE);
  });
});

test('bits: 0 and 63 ok, 64 and -1 are INVALID_PARAMETER; StandardMark has bit 0 rightmost, no leading zeros, omitted at 0', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.mark, mark('u1', [bits('p', [63])]));
    assert.equal((await one(h, 'u1', 'p')).StandardMark, `1${'0'.repeat(63)}`);
    await h.ok(CMD.mark, mark('u1', [bits('p', [0, 3], [63])]));
    assert.equal((await one(h, 'u1', 'p')).StandardMark, '1001');
    const bad = await h.code(CMD.mark, mark('u1', [bits('p', [64])]), ErrorCodes.INVALID_PARAMETER);
    assert.match(bad.ErrorInfo, /\/MarkItem\/0\/SetMark\/0/);
    await h.code(CMD.mark, mark('u1', [bits('p', [], [-1])]), ErrorCodes.INVALID_PARAMETER);
    await h.ok(CMD.mark, mark('u1', [bits('p', [], [0, 3])]));
    assert.equal(await one(h, 'u1', 'p'), undefined, 'no data left: the conversation is dropped');
  });
});

test('ClearMark is applied before SetMark; OptType 1 ignores CustomMark, 2 ignores bits, 3 does both', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.mark, mark('u1', [{ OptType: 1, ContactItem: c2c('p'), ClearMark: [5], SetMark: [5], CustomMark: 'ignored' }]));
    let c = await one(h, 'u1', 'p');
    assert.equal(c.StandardMark, '100000');
    assert.equal(c.CustomMark, undefined);
    await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('p'), SetMark: [1], ClearMark: [5], CustomMark: 'cm' }]));
    c = await one(h, 'u1', 'p');
    assert.equal(c.StandardMark, '100000');
    assert.equal(c.CustomMark, 'cm');
    const r = await h.ok(CMD.mark, mark('u1', [{ OptType: 3, ContactItem: c2c('p'), SetMark: [1, 2, 3], ClearMark: [5], CustomMark: 'abcd' }]));
    assert.deepEqual(r.ResultItem, [{ OptType: 3, ContactItem: c2c('p'), ResultCode: ErrorCodes.OK, ResultInfo: '' }]);
    c = await one(h, 'u1', 'p');
    assert.equal(c.StandardMark, '1110');
    assert.equal(c.CustomMark, 'abcd');
  });
});

test(`CustomMark: ${limits.maxCustomMarkBytes} bytes ok, one more byte is top-level INVALID_PARAMETER, "" clears`, async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const max = 'a'.repeat(limits.maxCustomMarkBytes - 4) + '😀';
    await h.ok(CMD.mark, mark('u1', [custom('p', max)]));
    assert.equal((await one(h, 'u1', 'p')).CustomMark, max);
    const over = await h.code(CMD.mark, mark('u1', [custom('p', `${max}a`)]), ErrorCodes.INVALID_PARAMETER);
    assert.match(over.ErrorInfo, /CustomMark/);
    await h.ok(CMD.mark, mark('u1', [custom('p', '')]));
    assert.equal(await one(h, 'u1', 'p'), undefined);
  });
});

test('GROUP_ID_CONVERSION_FAILED: ToGroupId never created or destroyed, per item in create, update and mark (the group is still created)', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const gid = await h.imGroup();
    await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: g2c(gid), CustomMark: 'x' }]));
    await h.ok(CMD.destroyGroup, { GroupId: gid });
    const m = await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: g2c(gid), CustomMark: 'y' }, custom('ok', 'y')]));
    assert.deepEqual(m.ResultItem.map((r: { ResultCode: number }) => r.ResultCode), [ErrorCodes.GROUP_ID_CONVERSION_FAILED, ErrorCodes.OK]);
    assert.notEqual(m.ResultItem[0].ResultInfo, '');
    const c = await h.ok(CMD.create, createGroup('u1', 'g', [g2c('@TGS#never'), c2c('fine')]));
    assert.deepEqual(c.GroupResultItem[0].ResultItem.map((r: { ResultCode: number }) => r.ResultCode), [ErrorCodes.GROUP_ID_CONVERSION_FAILED, ErrorCodes.OK]);
    const u = await h.ok(CMD.update, updateMembers('u1', 'g', [{ op: 1, contact: g2c(gid) }]));
    assert.equal(u.UpdateGroupResult.ContactResultItem[0].ResultCode, ErrorCodes.GROUP_ID_CONVERSION_FAILED);
    assert.equal((await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 })).GroupItem.length, 1);
  });
});

test(`conversation cap of marks: ${limits.maxConversationsWithData} marked ok, the next new one is per-item CONVERSATION_LIMIT_EXCEEDED; groups are capped on their own`, async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await fill(h, 'u1', peers(limits.maxConversationsWithData));
    const m = await h.ok(CMD.mark, mark('u1', [custom('new', 'x'), custom('peer0', 'changed')]));
    assert.deepEqual(m.ResultItem.map((r: { ResultCode: number }) => r.ResultCode), [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED, ErrorCodes.OK]);
    // the docs cap marks/custom data at 1,000 conversations on their own: grouping is not refused by it
    const c = await h.ok(CMD.create, createGroup('u1', 'g', [c2c('new'), c2c('peer1')]));
    assert.deepEqual(c.GroupResultItem[0].ResultItem.map((r: { ResultCode: number }) => r.ResultCode), [ErrorCodes.OK, ErrorCodes.OK]);
    // 'new' now has group data but no mark: marking it would still take the marks over their cap
    assert.equal((await h.ok(CMD.mark, mark('u1', [custom('new', 'x')]))).ResultItem[0].ResultCode, ErrorCodes.CONVERSATION_LIMIT_EXCEEDED);
    // a conversation without marks no longer counts
    await h.ok(CMD.mark, mark('u1', [custom('peer2', '')]));
    const again = await h.ok(CMD.mark, mark('u1', [custom('new', 'x')]));
    assert.equal(again.ResultItem[0].ResultCode, ErrorCodes.OK);
    const { items } = await allPages(h, 'u1');
    assert.equal(items.length, limits.maxConversationsWithData, 'peer2 dropped (no data left), new counted once');
  });
});

test('edition standard: mark OptType 1 and 3 are per-item EDITION_NOT_SUPPORTED, OptType 2 works', async () => {
  await withEmulator({ config: { edition: 'standard' } }, async (h) => {
    await h.importUsers('u1');
    const r = await h.ok(CMD.mark, mark('u1', [bits('a', [1]), custom('b', 'x'), { OptType: 3, ContactItem: c2c('c'), SetMark: [1], CustomMark: 'y' }]));
    assert.deepEqual(r.ResultItem.map((x: { ResultCode: number }) => x.ResultCode), [ErrorCodes.EDITION_NOT_SUPPORTED, ErrorCodes.OK, ErrorCodes.EDITION_NOT_SUPPORTED]);
    const s = await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('a'), c2c('b'), c2c('c')] });
    assert.deepEqual(s.ContactResultItem.map((x: { To_Account: string }) => x.To_Account), ['b']);
  });
});

test('search: 300 ok, 301 is INVALID_PARAMETER; conversations without data omitted; GroupItem only lists referenced groups', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'used', [c2c('a')]));
    await h.ok(CMD.create, createGroup('u1', 'unused'));
    await h.ok(CMD.mark, mark('u1', [custom('b', 'x')]));
    const many = peers(limits.maxSearchItems - 2).map((p) => c2c(p));
    const r = await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('a'), c2c('b'), ...many] });
    assert.deepEqual(r.ContactResultItem.map((c: { To_Account: string }) => c.To_Account), ['a', 'b']);
    assert.deepEqual(r.GroupItem, [{ GroupName: 'used', GroupId: 1 }]);
    assert.equal(r.ContactResultItem[1].ContactGroupId, undefined);
    await h.code(CMD.search, { From_Account: 'u1', ContactItem: [...many, c2c('a'), c2c('b'), c2c('c')] }, ErrorCodes.INVALID_PARAMETER);
    await h.code(CMD.search, { From_Account: 'u1', ContactItem: [] }, ErrorCodes.INVALID_PARAMETER);
    const empty = await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('nobody')] });
    assert.deepEqual([empty.ContactResultItem, empty.GroupItem], [[], []]);
  });
});

test('get_contact_group paging: every conversation exactly once, in first-data order, GroupItem on every page', async () => {
  await withEmulator({ config: { pageSize: 7 } }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'g'));
    const names = peers(250);
    await fill(h, 'u1', names);
    await h.ok(CMD.mark, mark('u1', [custom('peer0', 'touched later')])); // a change does not move it
    const { items, pages } = await allPages(h, 'u1');
    assert.deepEqual(items.map((c) => c.To_Account), names);
    assert.equal(pages.length, Math.ceil(250 / 7));
    assert.ok(pages.every((p) => p.GroupItem.length === 1));
    const beyond = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 10_000 });
    assert.deepEqual([beyond.ContactItem, beyond.CompleteFlag, beyond.NextStartIndex], [[], 1, 0]);
    const none = await h.importUsers('u2').then(() => h.ok(CMD.get, { From_Account: 'u2', StartIndex: 0 }));
    assert.deepEqual([none.ContactItem, none.GroupItem, none.CompleteFlag], [[], [], 1]);
  });
});

test('default page size is limits.defaultPageSize', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await fill(h, 'u1', peers(limits.defaultPageSize + 1));
    const first = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.equal(first.ContactItem.length, limits.defaultPageSize);
    assert.deepEqual([first.CompleteFlag, first.NextStartIndex], [0, limits.defaultPageSize]);
  });
});

test('Timestamp: emulator-clock seconds, moves on every change of group or mark data, not on a no-op', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const t0 = h.emu.control.now();
    await h.ok(CMD.mark, mark('u1', [bits('p', [1])]));
    const first = (await one(h, 'u1', 'p')).Timestamp;
    assert.ok(first >= t0 && first <= h.emu.control.now());
    h.emu.control.clock({ advanceSeconds: 100 });
    await h.ok(CMD.mark, mark('u1', [bits('p', [1])]));
    assert.equal((await one(h, 'u1', 'p')).Timestamp, first, 'setting a bit that is set changes nothing');
    await h.ok(CMD.create, createGroup('u1', 'g', [c2c('p')]));
    const second = (await one(h, 'u1', 'p')).Timestamp;
    assert.ok(second >= first + 100);
    h.emu.control.clock({ advanceSeconds: 50 });
    await h.ok(CMD.del, { From_Account: 'u1', GroupName: ['g'] });
    assert.ok((await one(h, 'u1', 'p')).Timestamp >= second + 50, 'losing a group id is a change');
    h.emu.control.clock({ offsetSeconds: 0 });
  });
});
