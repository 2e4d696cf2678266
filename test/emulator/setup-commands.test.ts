/** Set-up commands (account import, IM groups) and the recent-contact list (get_list, delete). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { c2c, CMD, createGroup, g2c, mark, peers, withEmulator, type Body } from './helpers.ts';

const getList = (from: string, StartIndex = 0) => ({ From_Account: from, TimeStamp: 0, StartIndex, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 7 });

test('account_import: UserID or legacy Identifier, idempotent; invalid parameters are ACCOUNT_INVALID_PARAMETER', async () => {
  await withEmulator({}, async (h) => {
    await h.code(CMD.create, createGroup('test', 'g'), ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.ok(CMD.accountImport, { UserID: 'test', Nick: 'n', FaceUrl: 'http://www.qq.com' });
    await h.ok(CMD.accountImport, { UserID: 'test' });
    await h.ok(CMD.accountImport, { Identifier: 'legacy' });
    const accounts = h.emu.control.state().accounts as { UserID: string; Nick?: string }[];
    assert.deepEqual(accounts.map((a) => a.UserID), ['test', 'legacy']);
    assert.equal(accounts[0]!.Nick, 'n', 're-import without Nick keeps it');
    await h.ok(CMD.create, createGroup('test', 'g'));
    for (const bad of [{}, { UserID: '' }, { UserID: 'x'.repeat(limits.maxUserIdBytes + 1) }, { UserID: 1 }, { UserID: 'a', Extra: 1 }]) {
      await h.code(CMD.accountImport, bad, ErrorCodes.ACCOUNT_INVALID_PARAMETER);
    }
    await h.ok(CMD.accountImport, { UserID: '😀'.repeat(limits.maxUserIdBytes / 4) });
  });
});

test('multiaccount_import: old and new forms, FailAccounts for invalid ids, more than 100 is ACCOUNT_INVALID_PARAMETER', async () => {
  await withEmulator({}, async (h) => {
    const r = await h.ok(CMD.multiImport, { Accounts: ['a', '', 'x'.repeat(limits.maxUserIdBytes + 1), 'b'] });
    assert.deepEqual(r.FailAccounts, ['', 'x'.repeat(limits.maxUserIdBytes + 1)]);
    const n = await h.ok(CMD.multiImport, { AccountList: [{ UserID: 'c', Nick: 'C' }, { UserID: 'a' }] });
    assert.deepEqual(n.FailAccounts, []);
    assert.deepEqual((h.emu.control.state().accounts as { UserID: string }[]).map((a) => a.UserID), ['a', 'b', 'c']);
    await h.ok(CMD.multiImport, { Accounts: peers(limits.maxAccountsPerImport) });
    await h.code(CMD.multiImport, { Accounts: peers(limits.maxAccountsPerImport + 1) }, ErrorCodes.ACCOUNT_INVALID_PARAMETER);
    await h.code(CMD.multiImport, { AccountList: peers(limits.maxAccountsPerImport + 1).map((UserID) => ({ UserID })) }, ErrorCodes.ACCOUNT_INVALID_PARAMETER);
    await h.code(CMD.multiImport, {}, ErrorCodes.ACCOUNT_INVALID_PARAMETER);
    await h.code(CMD.multiImport, { AccountList: [{ Nick: 'n' }] }, ErrorCodes.ACCOUNT_INVALID_PARAMETER);
  });
});

test('create_group: generated @TGS# ids, custom ids (in use GROUP_ID_IN_USE), owner must exist, bad input GROUP_INVALID_PARAMETER; destroy_group GROUP_NOT_FOUND', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('leckie');
    const a = await h.ok(CMD.createGroup, { Owner_Account: 'leckie', Type: 'Public', Name: 'TestGroup' });
    assert.match(a.GroupId, /^@TGS#[1-3][A-Z2-7]{8}$/);
    const b = await h.ok(CMD.createGroup, { Type: 'Public', Name: 'TestGroup' });
    assert.notEqual(a.GroupId, b.GroupId);
    assert.deepEqual(await h.ok(CMD.createGroup, { Type: 'Public', Name: 'n', GroupId: 'MyFirstGroup' }), { GroupId: 'MyFirstGroup', ActionStatus: 'OK', ErrorCode: ErrorCodes.OK, ErrorInfo: '' });
    const community = await h.ok(CMD.createGroup, { Type: 'Community', Name: 'c' });
    assert.deepEqual([community.Type, community.HugeGroupFlag], ['Community', 0]);
    await h.code(CMD.createGroup, { Type: 'Public', Name: 'n', GroupId: 'MyFirstGroup' }, ErrorCodes.GROUP_ID_IN_USE);
    await h.code(CMD.createGroup, { Type: 'Public', Name: 'n', GroupId: '@TGS#mine' }, ErrorCodes.GROUP_INVALID_PARAMETER);
    await h.code(CMD.createGroup, { Type: 'Public', Name: 'n', Owner_Account: 'ghost' }, ErrorCodes.GROUP_INVALID_PARAMETER);
    await h.code(CMD.createGroup, { Type: 'Party', Name: 'n' }, ErrorCodes.GROUP_INVALID_PARAMETER);
    await h.code(CMD.createGroup, { Type: 'Public', Name: '한'.repeat(11) }, ErrorCodes.GROUP_INVALID_PARAMETER);
    await h.ok(CMD.destroyGroup, { GroupId: 'MyFirstGroup' });
    await h.code(CMD.destroyGroup, { GroupId: 'MyFirstGroup' }, ErrorCodes.GROUP_NOT_FOUND);
    await h.code(CMD.destroyGroup, { GroupId: 2 }, ErrorCodes.GROUP_INVALID_PARAMETER);
    await h.ok(CMD.createGroup, { Type: 'Public', Name: 'again', GroupId: 'MyFirstGroup' });
  });
});

test('get_list is independent of group/mark data (mark_contact page): writes add no entry; seeded entries page, most recent first; delete removes them from the list only', async () => {
  await withEmulator({ config: { pageSize: 2 } }, async (h) => {
    await h.importUsers('u1');
    const gid = await h.imGroup();
    await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('a'), CustomMark: 'x' }, { OptType: 2, ContactItem: g2c(gid), CustomMark: 'y' }]));
    await h.ok(CMD.create, createGroup('u1', 'g', [c2c('b')]));
    const none = await h.ok(CMD.getList, getList('u1'));
    assert.deepEqual(none.SessionItem ?? [], [], 'group and mark writes add no recent contact');
    assert.equal(none.CompleteFlag, 1);
    // the emulator has no messages: recent contacts are seeded
    const user = h.emu.control.app.user('u1');
    const now = h.emu.control.now();
    user.addSession({ Type: 1, peer: 'a' }, now - 20);
    user.addSession({ Type: 2, peer: gid }, now - 10);
    user.addSession({ Type: 1, peer: 'b' }, now);
    await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('a'), CustomMark: 'changed' }]));
    const first = await h.ok(CMD.getList, getList('u1'));
    assert.equal(first.ErrorDisplay, '');
    assert.equal(first.CompleteFlag, 0);
    assert.equal(first.SessionItem[0].To_Account, 'b', 'most recent first');
    const second = await h.ok(CMD.getList, getList('u1', first.StartIndex));
    assert.equal(second.CompleteFlag, 1);
    const all = [...first.SessionItem, ...second.SessionItem];
    assert.equal(all.length, 3);
    assert.equal(all[2].To_Account, 'a', 'a mark write does not refresh an entry');
    assert.equal(all[2].MsgTime, now - 20);
    assert.ok(all.some((s: { GroupId?: string }) => s.GroupId === gid));
    await h.ok(CMD.delete, { From_Account: 'u1', Type: 1, To_Account: 'b', ClearRamble: 1 });
    await h.ok(CMD.delete, { From_Account: 'u1', Type: 2, ToGroupid: gid });
    await h.ok(CMD.delete, { From_Account: 'u1', Type: 1, To_Account: 'never' });
    const after = await h.ok(CMD.getList, getList('u1'));
    assert.deepEqual(after.SessionItem.map((s: { To_Account: string }) => s.To_Account), ['a']);
    const search = await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('b'), g2c(gid)] });
    assert.equal(search.ContactResultItem.length, 2, 'group and mark data stay after delete');
    await h.code(CMD.delete, { From_Account: 'u1', Type: 2, ToGroupId: gid }, ErrorCodes.INVALID_PARAMETER);
    await h.code(CMD.delete, { From_Account: 'ghost', Type: 1, To_Account: 'b' }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.getList, getList('ghost'), ErrorCodes.ACCOUNT_NOT_IMPORTED);
  });
});

const deleteItems = (...ids: string[]) => ({ DeleteItem: ids.map((UserID) => ({ UserID })) });
const codesOf = (b: Body): number[] => b.ResultItem.map((i: Body) => i.ResultCode);

test('account_delete: the account and all its data go; unknown or deleted → ACCOUNT_NOT_FOUND per item; admin refused; bad input ACCOUNT_INVALID_PARAMETER', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('d1', 'd2', 'keep');
    const gid = await h.imGroup();
    await h.ok(CMD.create, createGroup('d1', 'g', [c2c('keep'), g2c(gid)]));
    await h.ok(CMD.mark, mark('d1', [{ OptType: 2, ContactItem: c2c('x'), CustomMark: 'm' }]));
    await h.ok(CMD.create, createGroup('keep', 'g', [c2c('d1')]));
    const first = await h.ok(CMD.accountDelete, deleteItems('d1', 'ghost', 'd2', 'd1'));
    assert.deepEqual(first.ResultItem, [
      { ResultCode: ErrorCodes.OK, ResultInfo: '', UserID: 'd1' },
      { ResultCode: ErrorCodes.ACCOUNT_NOT_FOUND, ResultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exist', UserID: 'ghost' },
      { ResultCode: ErrorCodes.OK, ResultInfo: '', UserID: 'd2' },
      { ResultCode: ErrorCodes.ACCOUNT_NOT_FOUND, ResultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exist', UserID: 'd1' },
    ]);
    assert.deepEqual(codesOf(await h.ok(CMD.accountDelete, deleteItems('d1', 'd2'))), [ErrorCodes.ACCOUNT_NOT_FOUND, ErrorCodes.ACCOUNT_NOT_FOUND], 're-delete');

    const state = h.emu.control.state() as { accounts: { UserID: string }[]; users: Record<string, unknown>; imGroups: { GroupId: string }[] };
    assert.deepEqual(state.accounts.map((a) => a.UserID), ['keep']);
    assert.deepEqual(Object.keys(state.users), ['keep'], 'groups, conversations and recent contacts of d1 are gone');
    assert.deepEqual(state.imGroups.map((g) => g.GroupId), [gid], 'IM groups are the app\'s, not the user\'s');
    await h.code(CMD.get, { From_Account: 'd1', StartIndex: 0 }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    await h.code(CMD.getList, getList('d1'), ErrorCodes.ACCOUNT_NOT_IMPORTED);
    const kept = await h.ok(CMD.search, { From_Account: 'keep', ContactItem: [c2c('d1')] });
    assert.equal(kept.ContactResultItem.length, 1, "another user's conversation with the deleted account stays");

    await h.importUsers('d1');
    const fresh = await h.ok(CMD.get, { From_Account: 'd1', StartIndex: 0 });
    assert.deepEqual([fresh.GroupItem ?? [], fresh.ContactItem ?? []], [[], []], 're-imported account starts empty');
    assert.deepEqual((await h.ok(CMD.getList, getList('d1'))).SessionItem ?? [], []);

    const admin = await h.ok(CMD.accountDelete, deleteItems(h.emu.admin, 'keep'));
    assert.deepEqual(codesOf(admin), [ErrorCodes.ACCOUNT_INVALID_PARAMETER, ErrorCodes.OK], 'the admin is never deleted; the other items are');

    await h.ok(CMD.accountDelete, deleteItems(...peers(limits.maxAccountsPerDelete)));
    const tooLong = 'x'.repeat(limits.maxUserIdBytes + 1);
    for (const bad of [{}, { DeleteItem: [] }, deleteItems(...peers(limits.maxAccountsPerDelete + 1)), { DeleteItem: [{}] }, deleteItems(''), deleteItems(tooLong), { ...deleteItems('a'), Force: 1 }, { DeleteItem: [{ UserID: 'a', Nick: 'n' }] }]) {
      await h.code(CMD.accountDelete, bad, ErrorCodes.ACCOUNT_INVALID_PARAMETER);
    }
  });
});
