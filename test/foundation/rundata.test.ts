/** The shared layer under contracts and load: the concurrency pool, per-item results, run data on an emulator. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CMD, ImClient, failedItemCodes, itemResults } from '../../src/client/index.ts';
import { chunks, mapPool } from '../../src/core/pool.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { cleanUser, createImGroup, deleteAccounts, destroyImGroup, importAccounts, leftovers, remainingAccounts, RunData, RunDataError } from '../../src/rundata/index.ts';
import { limits } from '../../src/schema/index.ts';

test('mapPool: order kept, at most `limit` in flight, every item runs before the first error is thrown', async () => {
  let inFlight = 0;
  let peak = 0;
  const seen: number[] = [];
  const out = await mapPool([5, 1, 3, 2, 4], 2, async (x) => {
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setTimeout(r, x));
    inFlight--;
    return x * 10;
  });
  assert.deepEqual(out, [50, 10, 30, 20, 40]);
  assert.equal(peak, 2);
  await assert.rejects(
    mapPool([1, 2, 3], 1, async (x) => {
      seen.push(x);
      if (x === 1) throw new Error('first');
    }),
    /first/,
  );
  assert.deepEqual(seen, [1, 2, 3]);
  assert.deepEqual(await mapPool([], 0, async () => 1), []);
  assert.deepEqual(chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});

test('itemResults: per-item results where each command answers them; failedItemCodes keeps the non-zero ones', () => {
  const item = (ResultCode: number) => ({ ContactItem: { Type: 1, To_Account: 'p' }, ResultCode, ResultInfo: '' });
  assert.equal(itemResults(CMD.create, { GroupResultItem: [{ GroupItem: {}, ResultItem: [item(0), item(ErrorCodes.CONVERSATION_LIMIT_EXCEEDED)] }] }).length, 2);
  assert.deepEqual(failedItemCodes(CMD.update, { UpdateGroupResult: { ContactResultItem: [item(0), item(ErrorCodes.CONVERSATION_LIMIT_EXCEEDED)] } }), [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED]);
  assert.deepEqual(failedItemCodes(CMD.mark, { ResultItem: [item(ErrorCodes.CONVERSATION_LIMIT_EXCEEDED)] }), [ErrorCodes.CONVERSATION_LIMIT_EXCEEDED]);
  assert.deepEqual(itemResults(CMD.accountDelete, { ResultItem: [{ UserID: 'u', ResultCode: ErrorCodes.ACCOUNT_NOT_FOUND, ResultInfo: '' }] })[0]?.UserID, 'u');
  assert.deepEqual(itemResults(CMD.get, { ResultItem: [item(1)] }), [], 'a command without per-item results has none');
  assert.deepEqual(itemResults(CMD.mark, { ResultItem: 'not a list' }), []);
});

test('run data: import, fill, clean, leak check, delete and check gone — under both policies', async () => {
  const emu = await startEmulator({ logger: () => undefined, config: { throttle: { enabled: false } } });
  try {
    const client = new ImClient({ baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, auth: { kind: 'secret-key', secretKey: emu.secretKey }, timeoutMs: 10_000, usersigExpireSeconds: 86_400 });
    const strict = new RunData(client);
    const lenient = new RunData(client, { tolerateGone: true });
    const users = Array.from({ length: limits.maxAccountsPerImport + 1 }, (_, i) => `rd-u${i}`);
    let batches = 0;
    await importAccounts(strict, users, () => batches++);
    assert.equal(batches, 2, 'one import per batch of the import limit');

    const [owner = '', peer = ''] = users;
    const group = await createImGroup(strict, 'rd-group');
    await strict.ok(CMD.create, { From_Account: owner, GroupContactItem: [{ GroupName: 'g', ContactItem: [{ Type: 1, To_Account: peer }] }] });
    await strict.ok(CMD.mark, {
      From_Account: owner,
      MarkItem: [
        { OptType: 1, ContactItem: { Type: 1, To_Account: peer }, SetMark: [0, limits.maxMarkBit] },
        { OptType: 2, ContactItem: { Type: 2, ToGroupId: group }, CustomMark: 'x' },
      ],
    });
    const before = await leftovers(strict, owner);
    assert.deepEqual(before.groups, ['g']);
    assert.equal(before.conversations.length, 2);

    assert.equal(await cleanUser(strict, owner), true);
    assert.deepEqual(await leftovers(strict, owner), { groups: [], conversations: [], empty: 0 });
    assert.equal(await cleanUser(lenient, 'rd-never-imported'), false, 'tolerated: an account that was never imported');
    await assert.rejects(cleanUser(strict, 'rd-never-imported'), RunDataError);

    await destroyImGroup(strict, group);
    await destroyImGroup(lenient, group);
    await assert.rejects(destroyImGroup(strict, group), RunDataError, 'strict: a group already gone is an error');

    const deletion = await deleteAccounts(strict, users);
    assert.deepEqual(deletion, { deleted: users.length, refused: [], failedBatches: [] });
    assert.deepEqual(await remainingAccounts(strict, users), { remaining: [], failedBatches: [] });
  } finally {
    await emu.stop();
  }
});
