/**
 * The documented 1,000 caps (choice conversationCap: over all groups, or per group; marks on their own either
 * way) and the choice scope: codes whose place the docs leave open answered top-level, the request undone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { allPages, c2c, CMD, createGroup, g2c, mark, peers, updateMembers, withEmulator, type Harness } from './helpers.ts';

const CAP = limits.maxConversationsWithData;
const BATCH = limits.maxMarkItems;
const codesOf = (items: { ResultCode: number }[]) => items.map((r) => r.ResultCode);

/** Puts `names` into group `group` of u1, in requests of BATCH. */
async function fillGroup(h: Harness, group: string, names: string[]): Promise<void> {
  for (let i = 0; i < names.length; i += BATCH) {
    const r = await h.ok(CMD.update, updateMembers('u1', group, names.slice(i, i + BATCH).map((p) => ({ op: 1 as const, contact: c2c(p) }))));
    assert.ok(codesOf(r.UpdateGroupResult.ContactResultItem).every((c) => c === ErrorCodes.OK));
  }
}

test(`conversationCap total (default): ${CAP} grouped conversations over all groups; the next new one is refused per item in create and update`, async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'g1'));
    await fillGroup(h, 'g1', peers(CAP));
    const c = await h.ok(CMD.create, createGroup('u1', 'g2', [c2c('new'), c2c('peer0')]));
    assert.deepEqual(codesOf(c.GroupResultItem[0].ResultItem), [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED, ErrorCodes.OK], 'a conversation already grouped joins another group');
    const u = await h.ok(CMD.update, updateMembers('u1', 'g2', [{ op: 1, contact: c2c('new2') }]));
    assert.deepEqual(codesOf(u.UpdateGroupResult.ContactResultItem), [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED]);
    // marks are capped on their own: the grouped conversations do not use up the marks' cap
    const m = await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('marked'), CustomMark: 'x' }]));
    assert.deepEqual(codesOf(m.ResultItem), [ErrorCodes.OK]);
    // a conversation that leaves every group no longer counts
    await h.ok(CMD.update, updateMembers('u1', 'g1', [{ op: 2, contact: c2c('peer1') }]));
    assert.deepEqual(codesOf((await h.ok(CMD.update, updateMembers('u1', 'g2', [{ op: 1, contact: c2c('new2') }]))).UpdateGroupResult.ContactResultItem), [ErrorCodes.OK]);
  });
});

test(`conversationCap per-group: each group holds ${CAP}; another group takes more`, async () => {
  await withEmulator({ config: { choices: { conversationCap: 'per-group' } } }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'g1'));
    await fillGroup(h, 'g1', peers(CAP));
    const full = await h.ok(CMD.update, updateMembers('u1', 'g1', [{ op: 1, contact: c2c('new') }, { op: 1, contact: c2c('peer0') }]));
    assert.deepEqual(codesOf(full.UpdateGroupResult.ContactResultItem), [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED, ErrorCodes.OK]);
    const c = await h.ok(CMD.create, createGroup('u1', 'g2', [c2c('new'), c2c('peer0')]));
    assert.deepEqual(codesOf(c.GroupResultItem[0].ResultItem), [ErrorCodes.OK, ErrorCodes.OK], 'a new group has room');
    const { items } = await allPages(h, 'u1');
    assert.equal(items.length, CAP + 1);
    // leaving the full group makes room in it
    await h.ok(CMD.update, updateMembers('u1', 'g1', [{ op: 2, contact: c2c('peer5') }]));
    assert.deepEqual(codesOf((await h.ok(CMD.update, updateMembers('u1', 'g1', [{ op: 1, contact: c2c('new') }]))).UpdateGroupResult.ContactResultItem), [ErrorCodes.OK]);
  });
});

test('scope top-level: 51007 / 51008 / 51013 answered as the top-level ErrorCode, and the request changes nothing', async () => {
  const scope = {
    [String(ErrorCodes.GROUP_ID_CONVERSION_FAILED)]: 'top-level',
    [String(ErrorCodes.CONVERSATION_LIMIT_EXCEEDED)]: 'top-level',
    [String(ErrorCodes.EDITION_NOT_SUPPORTED)]: 'top-level',
  } as const;
  await withEmulator({ config: { choices: { scope }, limits: { maxConversationsWithData: 2 } } }, async (h) => {
    await h.importUsers('u1');
    const gid = await h.imGroup();
    await h.ok(CMD.destroyGroup, { GroupId: gid });
    await h.code(CMD.create, createGroup('u1', 'g', [c2c('a'), g2c(gid)]), ErrorCodes.GROUP_ID_CONVERSION_FAILED);
    const empty = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.deepEqual([empty.GroupItem, empty.ContactItem], [[], []], 'no group created, no conversation added');
    assert.equal((await h.ok(CMD.create, createGroup('u1', 'g'))).GroupResultItem[0].GroupItem.GroupId, 1, 'the refused create used up no id');
    await h.code(CMD.update, updateMembers('u1', 'g', [{ op: 1, contact: c2c('a') }, { op: 1, contact: c2c('b') }, { op: 1, contact: c2c('c') }]), ErrorCodes.CONVERSATION_LIMIT_EXCEEDED);
    await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('m'), CustomMark: 'x' }]));
    await h.code(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('m'), CustomMark: 'changed' }, { OptType: 2, ContactItem: c2c('n'), CustomMark: 'y' }, { OptType: 2, ContactItem: c2c('o'), CustomMark: 'z' }]), ErrorCodes.CONVERSATION_LIMIT_EXCEEDED);
    const after = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.deepEqual(after.ContactItem.map((c: { To_Account: string; CustomMark?: string }) => [c.To_Account, c.CustomMark]), [['m', 'x']], 'the refused requests were undone');
    h.emu.control.patchConfig({ edition: 'standard' });
    await h.code(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('m'), CustomMark: 'std' }, { OptType: 1, ContactItem: c2c('m'), SetMark: [1] }]), ErrorCodes.EDITION_NOT_SUPPORTED);
    h.emu.control.patchConfig({ choices: { scope: { [String(ErrorCodes.EDITION_NOT_SUPPORTED)]: 'per-item' } } });
    const perItem = await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('m'), CustomMark: 'std' }, { OptType: 1, ContactItem: c2c('m'), SetMark: [1] }]));
    assert.deepEqual(codesOf(perItem.ResultItem), [ErrorCodes.OK, ErrorCodes.EDITION_NOT_SUPPORTED], 'the default: per item, the other items applied');
  });
});
