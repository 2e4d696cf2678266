/** create / update / del_contact_group: limits, names, ids, membership, edition. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { allPages, c2c, CMD, createGroup, g2c, nameOfBytes, rename, updateMembers, withEmulator } from './helpers.ts';

const UNITS = ['a', 'é', '한', '😀'] as const;

test('create: response has GroupResultItem with the new GroupId; ids start at 1 per user and are never reused', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1', 'u2');
    const first = await h.ok(CMD.create, createGroup('u1', 'test0', [c2c('peer')]));
    assert.deepEqual(first.GroupResultItem, [
      { GroupItem: { GroupName: 'test0', GroupId: 1 }, ResultItem: [{ ContactItem: c2c('peer'), ResultCode: ErrorCodes.OK, ResultInfo: '' }] },
    ]);
    assert.equal(first.ErrorDisplay, '');
    assert.equal((await h.ok(CMD.create, createGroup('u1', 'test1'))).GroupResultItem[0].GroupItem.GroupId, 2);
    assert.equal((await h.ok(CMD.create, createGroup('u2', 'other'))).GroupResultItem[0].GroupItem.GroupId, 1, 'per user');
    await h.ok(CMD.del, { From_Account: 'u1', GroupName: ['test1'] });
    assert.equal((await h.ok(CMD.create, createGroup('u1', 'test1'))).GroupResultItem[0].GroupItem.GroupId, 3, 'not reused');
  });
});

test('create: empty ContactItem allowed; duplicate name and two groups per request are INVALID_PARAMETER', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const r = await h.ok(CMD.create, createGroup('u1', 'empty'));
    assert.deepEqual(r.GroupResultItem[0].ResultItem, []);
    await h.code(CMD.create, createGroup('u1', 'empty'), ErrorCodes.INVALID_PARAMETER);
    const two = { From_Account: 'u1', GroupContactItem: [{ GroupName: 'a', ContactItem: [] }, { GroupName: 'b', ContactItem: [] }] };
    const bad = await h.code(CMD.create, two, ErrorCodes.INVALID_PARAMETER);
    assert.match(bad.ErrorInfo, /\/GroupContactItem/);
    await h.code(CMD.create, { From_Account: 'u1', GroupContactItem: [] }, ErrorCodes.INVALID_PARAMETER);
  });
});

test(`groups per user: ${limits.maxGroupsPerUser} ok, the next is CONTACT_GROUP_LIMIT_EXCEEDED`, async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    for (let i = 0; i < limits.maxGroupsPerUser; i++) await h.ok(CMD.create, createGroup('u1', `g${i}`));
    await h.code(CMD.create, createGroup('u1', 'one-too-many'), ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED);
    const page = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.equal(page.GroupItem.length, limits.maxGroupsPerUser);
  });
});

test('names: 32 bytes of 1-, 2-, 3-, 4-byte characters are accepted on create and rename; 33 bytes and empty are CONTACT_GROUP_NAME_INVALID', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    for (const unit of UNITS) {
      const ok32 = nameOfBytes(limits.maxGroupNameBytes, unit);
      const bad33 = nameOfBytes(limits.maxGroupNameBytes + 1, unit);
      assert.equal(Buffer.byteLength(ok32), 32);
      assert.equal(Buffer.byteLength(bad33), 33);
      await h.ok(CMD.create, createGroup('u1', ok32));
      await h.code(CMD.create, createGroup('u1', bad33), ErrorCodes.CONTACT_GROUP_NAME_INVALID);
      await h.ok(CMD.update, rename('u1', ok32, `${unit}-renamed`));
      await h.code(CMD.update, rename('u1', `${unit}-renamed`, bad33), ErrorCodes.CONTACT_GROUP_NAME_INVALID);
      await h.ok(CMD.update, rename('u1', `${unit}-renamed`, ok32));
      await h.ok(CMD.del, { From_Account: 'u1', GroupName: [ok32] });
    }
    await h.code(CMD.create, createGroup('u1', ''), ErrorCodes.CONTACT_GROUP_NAME_INVALID);
    await h.ok(CMD.create, createGroup('u1', 'x'));
    await h.code(CMD.update, rename('u1', 'x', ''), ErrorCodes.CONTACT_GROUP_NAME_INVALID);
  });
});

test('NewGroupName limit is configurable (maxNewGroupNameBytes)', async () => {
  await withEmulator({ config: { limits: { maxNewGroupNameBytes: 64 } } }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'x'));
    await h.ok(CMD.update, rename('u1', 'x', 'n'.repeat(64)));
    await h.code(CMD.update, rename('u1', 'n'.repeat(64), 'n'.repeat(65)), ErrorCodes.CONTACT_GROUP_NAME_INVALID);
  });
});

test('rename: response shape, unknown group CONTACT_GROUP_NOT_FOUND, rename to an existing name INVALID_PARAMETER', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'group_0001', [c2c('p')]));
    await h.ok(CMD.create, createGroup('u1', 'taken'));
    const r = await h.ok(CMD.update, rename('u1', 'group_0001', 'group_0002'));
    assert.deepEqual(r.UpdateGroupResult, { UpdateGroupType: 1, GroupName: 'group_0002', OldGroupName: 'group_0001', GroupId: 1 });
    assert.equal(r.UpdateType, 1);
    await h.code(CMD.update, rename('u1', 'group_0001', 'again'), ErrorCodes.CONTACT_GROUP_NOT_FOUND);
    await h.code(CMD.update, rename('u1', 'group_0002', 'taken'), ErrorCodes.INVALID_PARAMETER);
    const page = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.deepEqual(page.GroupItem, [{ GroupName: 'group_0002', GroupId: 1 }, { GroupName: 'taken', GroupId: 2 }]);
    assert.deepEqual(page.ContactItem[0].ContactGroupId, [1], 'the id survives the rename');
  });
});

test('update type 2: add/remove per item, idempotent, per-item results in ContactResultItem', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const gid = await h.imGroup();
    await h.ok(CMD.create, createGroup('u1', 'g'));
    const r = await h.ok(CMD.update, updateMembers('u1', 'g', [{ op: 1, contact: c2c('a') }, { op: 1, contact: g2c(gid) }, { op: 1, contact: c2c('a') }, { op: 2, contact: c2c('never') }]));
    assert.equal(r.UpdateGroupResult.UpdateGroupType, 2);
    assert.equal(r.UpdateGroupResult.GroupName, 'g');
    assert.equal(r.UpdateGroupResult.OldGroupName, 'g');
    assert.deepEqual(r.UpdateGroupResult.ContactResultItem.map((i: { ResultCode: number }) => i.ResultCode), Array(4).fill(ErrorCodes.OK));
    assert.deepEqual(r.UpdateGroupResult.ContactResultItem[1], { ContactOptType: 1, ContactItem: g2c(gid), ResultCode: ErrorCodes.OK, ResultInfo: '' });
    let page = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.equal(page.ContactItem.length, 2);
    await h.ok(CMD.update, updateMembers('u1', 'g', [{ op: 2, contact: c2c('a') }]));
    page = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
    assert.deepEqual(page.ContactItem.map((c: { ToGroupId?: string }) => c.ToGroupId), [gid], 'a conversation without data is dropped');
    await h.code(CMD.update, updateMembers('u1', 'nope', []), ErrorCodes.CONTACT_GROUP_NOT_FOUND);
  });
});

test('delete: unknown group CONTACT_GROUP_NOT_FOUND; the id leaves every conversation; empty conversations are dropped', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'g1', [c2c('both'), c2c('only1')]));
    await h.ok(CMD.create, createGroup('u1', 'g2', [c2c('both')]));
    await h.ok(CMD.mark, { From_Account: 'u1', MarkItem: [{ OptType: 2, ContactItem: c2c('marked'), CustomMark: 'm' }] });
    await h.ok(CMD.update, updateMembers('u1', 'g1', [{ op: 1, contact: c2c('marked') }]));
    const del = await h.ok(CMD.del, { From_Account: 'u1', GroupName: ['g1'] });
    assert.deepEqual(del.GroupItem, [{ GroupName: 'g1', GroupId: 1 }]);
    assert.equal(del.ErrorDisplay, undefined, 'del samples carry no ErrorDisplay');
    const { items, pages } = await allPages(h, 'u1');
    const byPeer = Object.fromEntries(items.map((c) => [c.To_Account, c]));
    assert.deepEqual(Object.keys(byPeer).sort(), ['both', 'marked']);
    assert.deepEqual(byPeer.both.ContactGroupId, [2]);
    assert.equal(byPeer.marked.ContactGroupId, undefined);
    assert.deepEqual(pages[0]!.GroupItem, [{ GroupName: 'g2', GroupId: 2 }]);
    const search = await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('only1'), c2c('both')] });
    assert.deepEqual(search.ContactResultItem.map((c: { To_Account: string }) => c.To_Account), ['both']);
    await h.code(CMD.del, { From_Account: 'u1', GroupName: ['g1'] }, ErrorCodes.CONTACT_GROUP_NOT_FOUND);
    await h.code(CMD.del, { From_Account: 'u1', GroupName: ['g2', 'x'] }, ErrorCodes.INVALID_PARAMETER);
  });
});

test('edition standard: EDITION_NOT_SUPPORTED for create/update/del; get and search still work', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'g', [c2c('p')]));
    h.emu.control.patchConfig({ edition: 'standard' });
    await h.code(CMD.create, createGroup('u1', 'g2'), ErrorCodes.EDITION_NOT_SUPPORTED);
    await h.code(CMD.update, rename('u1', 'g', 'h'), ErrorCodes.EDITION_NOT_SUPPORTED);
    await h.code(CMD.update, updateMembers('u1', 'g', [{ op: 1, contact: c2c('q') }]), ErrorCodes.EDITION_NOT_SUPPORTED);
    await h.code(CMD.del, { From_Account: 'u1', GroupName: ['g'] }, ErrorCodes.EDITION_NOT_SUPPORTED);
    assert.equal((await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 })).ContactItem.length, 1);
    assert.equal((await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] })).ContactResultItem.length, 1);
  });
});

test('unknown From_Account: ACCOUNT_NOT_IMPORTED on every contact-group command', async () => {
  await withEmulator({}, async (h) => {
    const who = 'ghost';
    await h.code(CMD.create, createGroup(who, 'g'), ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.update, rename(who, 'g', 'h'), ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.del, { From_Account: who, GroupName: ['g'] }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.search, { From_Account: who, ContactItem: [c2c('p')] }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.mark, { From_Account: who, MarkItem: [{ OptType: 2, ContactItem: c2c('p'), CustomMark: 'x' }] }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.get, { From_Account: who, StartIndex: 0 }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
  });
});
