/** v4/recentcontact/update_contact_group: add/remove, rename, 51011, 51009, 51007, duplicate name, 50001, 50002. */
import { ErrorCodes } from '../../src/errors/index.ts';
import { rules } from '../../src/rules/index.ts';
import { describeKnob, loadExpectations } from '../expectations.ts';
import { choice, choiceWhat } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, itemResults, keyOf } from '../support/items.ts';
import { answeredPerItem, expect } from '../support/matchers.ts';
import { ghostName, groupName, nameOfBytes, peerName, type CharWidth } from '../support/names.ts';
import { freshOwner, Ops } from '../support/ops.ts';

const expectations = loadExpectations();
/** The NewGroupName rule (schemas/limits.json): `limit` bytes are accepted, `over` (limit + 1) refused. */
const names = rules.maxNewGroupNameBytes;

test('update: add and remove conversations (UpdateGroupType 2)', spec({ covers: [[ErrorCodes.OK, CMD.update]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const [a, b] = ['a', 'b'].map((k) => c2c(peerName(run.settings.runId, k))) as [ReturnType<typeof c2c>, ReturnType<typeof c2c>];
  const g = g2c(run.state.liveGroups[1] as string);
  const name = groupName(run.settings.runId, 'members');
  const id = await ops.mustCreate(name, [a]);

  const res = await ops.update(name, [[1, b], [1, g], [2, a]]);
  expect(res).toBeImOk();
  const r = res.body.UpdateGroupResult;
  expect({ type: r.UpdateGroupType, name: r.GroupName, old: r.OldGroupName, id: r.GroupId }).toEqual({ type: 2, name, old: name, id });
  expect(r.ContactResultItem.map((i: { ContactOptType: number; ContactItem: never }) => [i.ContactOptType, keyOf(i.ContactItem)])).toEqual([
    [1, keyOf(b)],
    [1, keyOf(g)],
    [2, keyOf(a)],
  ]);

  const all = await ops.getAll();
  for (const c of [b, g]) expect(all.items.find((i) => keyOf(i) === keyOf(c))?.ContactGroupId, keyOf(c)).toEqual([id]);
  expect(all.items.find((i) => keyOf(i) === keyOf(a))?.ContactGroupId ?? [], 'removed conversation').not.toContain(id);
  await choice(run, 'a conversation without group or mark data is no longer listed', () => expect(all.items.map(keyOf)).not.toContain(keyOf(a)));

  await choice(run, 'adding a member again and removing a non-member succeed per item (idempotent)', async () => {
    const again = await ops.update(name, [[1, b], [2, a]]);
    expect(again).toBeImOk();
  });
});

test('update: rename keeps the GroupId and the memberships (UpdateGroupType 1)', spec({ covers: [[ErrorCodes.OK, CMD.update], [ErrorCodes.CONTACT_GROUP_NOT_FOUND, CMD.update]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const a = c2c(peerName(run.settings.runId, 'a'));
  const [oldName, newName] = [groupName(run.settings.runId, 'before'), groupName(run.settings.runId, 'after')];
  const id = await ops.mustCreate(oldName, [a]);
  const res = await ops.rename(oldName, newName);
  expect(res).toBeImOk();
  const r = res.body.UpdateGroupResult;
  expect({ type: r.UpdateGroupType, name: r.GroupName, old: r.OldGroupName, id: r.GroupId }).toEqual({ type: 1, name: newName, old: oldName, id });
  expect(r.ContactResultItem, 'a rename has no per-conversation results').toBeUndefined();
  const all = await ops.getAll();
  expect(all.groups).toEqual([{ GroupName: newName, GroupId: id }]);
  expect(all.items.find((i) => keyOf(i) === keyOf(a))?.ContactGroupId).toEqual([id]);
  expect(await ops.update(oldName, [[1, a]]), 'the old name no longer exists').toHaveImError(ErrorCodes.CONTACT_GROUP_NOT_FOUND);
});

for (const width of [1, 2, 3, 4] as CharWidth[]) {
  test(
    `update: rename to ${names.limit - 1} and ${names.limit} bytes of ${width}-byte characters is accepted, ${names.over} bytes → ${names.code}`,
    spec({ covers: [[names.code, CMD.update], [ErrorCodes.OK, CMD.update]] }),
    async ({ run, im, accounts }) => {
      const ops = await freshOwner(im, accounts);
      const [below, atLimit, over] = [names.limit - 1, names.limit, names.over].map((n) => nameOfBytes(run.settings.runId, n, width)) as [string, string, string];
      const base = groupName(run.settings.runId, 'base');
      const id = await ops.mustCreate(base);
      expect(await ops.rename(base, below)).toBeImOk();
      expect(await ops.rename(below, atLimit)).toBeImOk();
      expect(await ops.rename(atLimit, over, { validateRequest: false })).toHaveImError(names.code);
      expect((await ops.getAll()).groups, `the ${names.limit}-byte name, byte for byte`).toEqual([{ GroupName: atLimit, GroupId: id }]);
    },
  );
}

test(`update: rename to an empty name → ${names.code}`, spec({ covers: [[names.code, CMD.update]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const name = groupName(run.settings.runId, 'keep');
  await ops.mustCreate(name);
  expect(await ops.rename(name, '', { validateRequest: false })).toHaveImError(names.code);
  expect((await ops.getAll()).groups.map((g) => g.GroupName)).toEqual([name]);
});

test(`update: a group the user does not have → ${ErrorCodes.CONTACT_GROUP_NOT_FOUND} (rename and add)`, spec({ covers: [[ErrorCodes.CONTACT_GROUP_NOT_FOUND, CMD.update]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  await ops.mustCreate(groupName(run.settings.runId, 'exists'));
  const missing = groupName(run.settings.runId, 'missing');
  expect.soft(await ops.rename(missing, groupName(run.settings.runId, 'other')), 'rename').toHaveImError(ErrorCodes.CONTACT_GROUP_NOT_FOUND);
  expect.soft(await ops.update(missing, [[1, c2c(peerName(run.settings.runId, 'a'))]]), 'add').toHaveImError(ErrorCodes.CONTACT_GROUP_NOT_FOUND);
});

test(
  `update: rename to a name the user already has → ${describeKnob(expectations, 'duplicateGroupName')}`,
  spec({ covers: [[expectations.duplicateGroupName, CMD.update]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const [one, two] = [groupName(run.settings.runId, 'one'), groupName(run.settings.runId, 'two')];
    await ops.mustCreate(one);
    await ops.mustCreate(two);
    expect(await ops.rename(one, two)).toHaveImError(expectations.duplicateGroupName, { choice: choiceWhat('duplicateGroupName') });
    expect((await ops.getAll()).groups.map((g) => g.GroupName).sort()).toEqual([one, two].sort());
  },
);

test(`update: adding a destroyed IM group → ${ErrorCodes.GROUP_ID_CONVERSION_FAILED} for that conversation`, spec({ covers: [[ErrorCodes.GROUP_ID_CONVERSION_FAILED, CMD.update]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const name = groupName(run.settings.runId, 'dismissed');
  await ops.mustCreate(name);
  const gone = g2c(run.state.destroyedGroup);
  const fine = c2c(peerName(run.settings.runId, 'u7'));
  const res = await ops.update(name, [[1, fine], [1, gone]]);
  expect(res).toHaveImError(ErrorCodes.GROUP_ID_CONVERSION_FAILED, { contact: gone });
  if (answeredPerItem(res)) {
    expect(itemResults(CMD.update, res.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(fine))?.ResultCode, 'the other conversation').toBe(0);
  }
});

test(`update: a From_Account that was never imported → ${ErrorCodes.ACCOUNT_NOT_IMPORTED}`, spec({ covers: [[ErrorCodes.ACCOUNT_NOT_IMPORTED, CMD.update]] }), async ({ run, im }) => {
  const ops = new Ops(im, ghostName(run.settings.runId, 'update'));
  expect(await ops.rename(groupName(run.settings.runId, 'a'), groupName(run.settings.runId, 'b'))).toHaveImError(ErrorCodes.ACCOUNT_NOT_IMPORTED);
});

test(`update: malformed requests → ${ErrorCodes.INVALID_PARAMETER}`, spec({ covers: [[ErrorCodes.INVALID_PARAMETER, CMD.update]] }), async ({ run, im, accounts }) => {
  const From_Account = await accounts.take();
  const OldGroupName = groupName(run.settings.runId, 'g');
  await new Ops(im, From_Account).mustCreate(OldGroupName);
  const rename = { UpdateGroupType: 1, OldGroupName, NewGroupName: groupName(run.settings.runId, 'h') };
  const add = { UpdateGroupType: 2, OldGroupName, ContactUpdateItem: [{ ContactOptType: 1, ContactItem: c2c(peerName(run.settings.runId, 'a')) }] };
  const cases: [string, unknown][] = [
    ['missing From_Account', { UpdateType: 1, UpdateGroup: rename }],
    ['UpdateType 2 (undocumented)', { From_Account, UpdateType: 2, UpdateGroup: rename }],
    ['UpdateType as a string', { From_Account, UpdateType: '1', UpdateGroup: rename }],
    ['missing UpdateGroup', { From_Account, UpdateType: 1 }],
    ['UpdateGroupType 1 without NewGroupName', { From_Account, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName } }],
    ['ContactOptType 3', { From_Account, UpdateType: 1, UpdateGroup: { ...add, ContactUpdateItem: [{ ...add.ContactUpdateItem[0], ContactOptType: 3 }] } }],
  ];
  // Independent refusals sent together: against a distant target the test waits one round trip, not one per case.
  await Promise.all(
    cases.map(([what, body]) =>
      test.step(what, async () => {
        expect.soft(await im.call(CMD.update, body, { validateRequest: false }), what).toHaveImError(ErrorCodes.INVALID_PARAMETER);
      }),
    ),
  );
});
