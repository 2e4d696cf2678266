/** v4/recentcontact/create_contact_group: success, 51010 (one group too many), 51011 (names), 51007, 50001, 50002. */
import { ErrorCodes } from '../../src/errors/index.ts';
import { choices, ordinal, rules } from '../../src/rules/index.ts';
import { describeKnob, loadExpectations } from '../expectations.ts';
import { choice, choiceWhat } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, itemResults, keyOf } from '../support/items.ts';
import { answeredPerItem, expect } from '../support/matchers.ts';
import { ghostName, groupName, nameOfBytes, peerName, type CharWidth } from '../support/names.ts';
import { freshOwner, Ops } from '../support/ops.ts';
import { range } from '../support/util.ts';

const expectations = loadExpectations();
/** Boundaries come from the rules (schemas/limits.json): `limit` is accepted, `over` (limit + 1) refused. */
const groups = rules.maxGroupsPerUser;
const names = rules.maxGroupNameBytes;

test('create: a group with a C2C and a G2C conversation; get and search show it', spec({ covers: [[ErrorCodes.OK, CMD.create]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const contacts = [c2c(peerName(run.settings.runId, 'c1')), g2c(run.state.liveGroups[0] as string)];
  const name = groupName(run.settings.runId, 'first');
  const res = await ops.create(name, contacts);
  expect(res).toBeImOk();
  const result = res.body.GroupResultItem[0];
  expect(result.GroupItem.GroupName).toBe(name);
  expect(result.ResultItem.map((r: { ContactItem: never }) => keyOf(r.ContactItem))).toEqual(contacts.map(keyOf));
  const id = result.GroupItem.GroupId as number;
  await choice(run, `GroupId starts at ${run.expectations.firstGroupId} for each user (${choices.firstGroupId.env})`, () => expect(id).toBe(run.expectations.firstGroupId));

  const all = await ops.getAll();
  expect(all.groups).toEqual([{ GroupName: name, GroupId: id }]);
  for (const c of contacts) expect(all.items.find((i) => keyOf(i) === keyOf(c))?.ContactGroupId, keyOf(c)).toEqual([id]);
  const found = await ops.mustSearch(contacts);
  expect((found.ContactResultItem ?? []).map((i) => [keyOf(i), i.ContactGroupId])).toEqual(contacts.map((c) => [keyOf(c), [id]]));

  const second = await ops.mustCreate(groupName(run.settings.runId, 'second'));
  expect(second).not.toBe(id);
  await choice(run, 'GroupId increases by 1 for each created group', () => expect(second).toBe(id + 1));
});

test(`create: ${groups.limit} groups are accepted, the ${ordinal(groups.over)} is refused → ${groups.code}`, spec({ covers: [[groups.code, CMD.create], [ErrorCodes.OK, CMD.create]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const label = (i: number): string => groupName(run.settings.runId, `g${i}`);
  // sent together (one round trip against a distant target); the limit counts groups, not their order
  await Promise.all(range(groups.limit, 1).map((i) => ops.mustCreate(label(i))));
  expect(await ops.create(label(groups.over))).toHaveImError(groups.code);
  const all = await ops.getAll();
  expect(all.groups.map((g) => g.GroupName).sort()).toEqual(range(groups.limit, 1).map(label).sort());
});

for (const width of [1, 2, 3, 4] as CharWidth[]) {
  test(
    `create: names of ${names.limit - 1} and ${names.limit} bytes of ${width}-byte characters are accepted, ${names.over} bytes → ${names.code}`,
    spec({ covers: [[names.code, CMD.create], [ErrorCodes.OK, CMD.create]] }),
    async ({ run, im, accounts }) => {
      const ops = await freshOwner(im, accounts);
      const ok = [names.limit - 1, names.limit].map((n) => nameOfBytes(run.settings.runId, n, width));
      for (const name of ok) await ops.mustCreate(name);
      expect(await ops.create(nameOfBytes(run.settings.runId, names.over, width), [], { validateRequest: false })).toHaveImError(names.code);
      const all = await ops.getAll();
      expect(all.groups.map((g) => g.GroupName).sort(), 'names come back byte for byte').toEqual([...ok].sort());
    },
  );
}

test(`create: an empty name → ${names.code}`, spec({ covers: [[names.code, CMD.create]] }), async ({ im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  expect(await ops.create('', [], { validateRequest: false })).toHaveImError(names.code);
  expect((await ops.getAll()).groups).toEqual([]);
});

test(
  `create: a name the user already has → ${describeKnob(expectations, 'duplicateGroupName')}`,
  spec({ covers: [[expectations.duplicateGroupName, CMD.create]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const name = groupName(run.settings.runId, 'twice');
    await ops.mustCreate(name);
    expect(await ops.create(name)).toHaveImError(expectations.duplicateGroupName, { choice: choiceWhat('duplicateGroupName') });
    expect((await ops.getAll()).groups).toHaveLength(1);
  },
);

test(`create: a destroyed IM group as ToGroupId → ${ErrorCodes.GROUP_ID_CONVERSION_FAILED} for that conversation`, spec({ covers: [[ErrorCodes.GROUP_ID_CONVERSION_FAILED, CMD.create]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const gone = g2c(run.state.destroyedGroup);
  const fine = c2c(peerName(run.settings.runId, 'c7'));
  const res = await ops.create(groupName(run.settings.runId, 'dismissed'), [fine, gone]);
  expect(res).toHaveImError(ErrorCodes.GROUP_ID_CONVERSION_FAILED, { contact: gone });
  if (answeredPerItem(res)) {
    expect(itemResults(CMD.create, res.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(fine))?.ResultCode, 'the other conversation').toBe(0);
    const found = await ops.mustSearch([fine, gone]);
    expect((found.ContactResultItem ?? []).map(keyOf)).toEqual([keyOf(fine)]);
  }
});

test(`create: a From_Account that was never imported → ${ErrorCodes.ACCOUNT_NOT_IMPORTED}`, spec({ covers: [[ErrorCodes.ACCOUNT_NOT_IMPORTED, CMD.create]] }), async ({ run, im }) => {
  const ops = new Ops(im, ghostName(run.settings.runId, 'create'));
  expect(await ops.create(groupName(run.settings.runId, 'ghost'))).toHaveImError(ErrorCodes.ACCOUNT_NOT_IMPORTED);
});

test(`create: malformed requests → ${ErrorCodes.INVALID_PARAMETER}`, spec({ covers: [[ErrorCodes.INVALID_PARAMETER, CMD.create]] }), async ({ run, im, accounts }) => {
  const owner = await accounts.take();
  const item = { GroupName: groupName(run.settings.runId, 'bad'), ContactItem: [] };
  const cases: [string, unknown][] = [
    ['missing From_Account', { GroupContactItem: [item] }],
    ['From_Account is a number', { From_Account: 12345, GroupContactItem: [item] }],
    ['GroupContactItem is an object, not an array', { From_Account: owner, GroupContactItem: item }],
    ['missing GroupContactItem', { From_Account: owner }],
    ['two groups in one request', { From_Account: owner, GroupContactItem: [item, { ...item, GroupName: groupName(run.settings.runId, 'bad2') }] }],
    ['conversation Type 3', { From_Account: owner, GroupContactItem: [{ ...item, ContactItem: [{ Type: 3, To_Account: 'x' }] }] }],
    ['C2C conversation without To_Account', { From_Account: owner, GroupContactItem: [{ ...item, ContactItem: [{ Type: 1 }] }] }],
  ];
  // Independent refusals sent together: against a distant target the test waits one round trip, not one per case.
  await Promise.all(
    cases.map(([what, body]) =>
      test.step(what, async () => {
        expect.soft(await im.call(CMD.create, body, { validateRequest: false }), what).toHaveImError(ErrorCodes.INVALID_PARAMETER);
      }),
    ),
  );
});
