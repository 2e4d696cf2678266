/**
 * Cross-command flows: create → add/remove → rename → delete keeps ContactGroupId consistent between
 * get_contact_group and search_contact_group at every step; groups and marks are independent data.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { bitsIn } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, keyOf, sortNum, type Contact } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { groupName, peerName } from '../support/names.ts';
import { freshOwner, type Ops } from '../support/ops.ts';

type Membership = Record<string, number[]>;

/** get and search must both show exactly these memberships (conversation key → sorted group ids). */
async function expectMemberships(ops: Ops, contacts: Contact[], expected: Membership, groups: Record<string, number>): Promise<void> {
  const all = await ops.getAll();
  const found = await ops.mustSearch(contacts);
  for (const c of contacts) {
    const want = expected[keyOf(c)] ?? [];
    const viaGet = all.items.find((i) => keyOf(i) === keyOf(c))?.ContactGroupId ?? [];
    const viaSearch = (found.ContactResultItem ?? []).find((i) => keyOf(i) === keyOf(c))?.ContactGroupId ?? [];
    expect.soft(sortNum(viaGet), `get: ${keyOf(c)}`).toEqual(want);
    expect.soft(sortNum(viaSearch), `search: ${keyOf(c)}`).toEqual(want);
  }
  const byName = Object.fromEntries(all.groups.map((g) => [g.GroupName, g.GroupId]));
  expect(byName, 'get: GroupItem').toEqual(groups);
  for (const g of found.GroupItem ?? []) expect(byName[g.GroupName], `search GroupItem ${g.GroupName}`).toBe(g.GroupId);
}

test(
  'flow: create → add/remove → rename → delete keeps ContactGroupId consistent in get and search',
  spec({ covers: [[ErrorCodes.OK, CMD.create], [ErrorCodes.OK, CMD.update], [ErrorCodes.OK, CMD.del], [ErrorCodes.OK, CMD.get], [ErrorCodes.OK, CMD.search]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const r = run.settings.runId;
    const [a, b, c] = ['f1', 'f2', 'f3'].map((k) => c2c(peerName(r, k))) as [Contact, Contact, Contact];
    const g = g2c(run.state.liveGroups[0] as string);
    const all = [a, b, c, g];
    const [work, home, renamed] = [groupName(r, 'work'), groupName(r, 'home'), groupName(r, 'office')];

    const w = await ops.mustCreate(work, [a, b]);
    const h = await ops.mustCreate(home, [b, g]);
    await test.step('created', () => expectMemberships(ops, all, { [keyOf(a)]: [w], [keyOf(b)]: sortNum([w, h]), [keyOf(g)]: [h] }, { [work]: w, [home]: h }));

    expect(await ops.update(work, [[1, c], [1, g], [2, b]])).toBeImOk();
    await test.step('added and removed', () =>
      expectMemberships(ops, all, { [keyOf(a)]: [w], [keyOf(b)]: [h], [keyOf(c)]: [w], [keyOf(g)]: sortNum([w, h]) }, { [work]: w, [home]: h }),
    );

    expect(await ops.rename(work, renamed)).toBeImOk();
    await test.step('renamed', () =>
      expectMemberships(ops, all, { [keyOf(a)]: [w], [keyOf(b)]: [h], [keyOf(c)]: [w], [keyOf(g)]: sortNum([w, h]) }, { [renamed]: w, [home]: h }),
    );

    expect(await ops.del(home)).toBeImOk();
    await test.step('deleted', () => expectMemberships(ops, all, { [keyOf(a)]: [w], [keyOf(c)]: [w], [keyOf(g)]: [w] }, { [renamed]: w }));
  },
);

test(
  'flow: groups and marks are independent — deleting a group keeps the marks, clearing marks keeps the groups',
  spec({ covers: [[ErrorCodes.OK, CMD.del], [ErrorCodes.OK, CMD.mark], [ErrorCodes.OK, CMD.search]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const [a, b] = ['i1', 'i2'].map((k) => c2c(peerName(run.settings.runId, k))) as [Contact, Contact];
    const [one, two] = [groupName(run.settings.runId, 'one'), groupName(run.settings.runId, 'two')];
    await ops.mustCreate(one, [a]);
    const idTwo = await ops.mustCreate(two, [b]);
    expect(await ops.mark([{ OptType: 3, ContactItem: a, SetMark: [2, 40], CustomMark: 'keep' }, { OptType: 1, ContactItem: b, SetMark: [0] }])).toBeImOk();

    expect(await ops.del(one)).toBeImOk();
    expect(await ops.mark([{ OptType: 1, ContactItem: b, ClearMark: [0] }])).toBeImOk();
    const found = await ops.mustSearch([a, b]);
    const dataA = (found.ContactResultItem ?? []).find((i) => keyOf(i) === keyOf(a));
    const dataB = (found.ContactResultItem ?? []).find((i) => keyOf(i) === keyOf(b));
    expect([bitsIn(run, dataA?.StandardMark), dataA?.CustomMark, dataA?.ContactGroupId ?? []], 'a: marks stay, group gone').toEqual([[2, 40], 'keep', []]);
    expect([bitsIn(run, dataB?.StandardMark), dataB?.ContactGroupId], 'b: mark gone, group stays').toEqual([[], [idTwo]]);
  },
);
