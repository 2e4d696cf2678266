/** v4/recentcontact/del_contact_group: success (ids leave conversations, not reused), 51009, 50001, 50002. */
import { ErrorCodes } from '../../src/errors/index.ts';
import { choice } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, keyOf } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { ghostName, groupName, peerName } from '../support/names.ts';
import { freshOwner, Ops } from '../support/ops.ts';

test('del: deletes a group; its id leaves every conversation and is not reused', spec({ covers: [[ErrorCodes.OK, CMD.del]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const [p1, p2] = ['d1', 'd2'].map((k) => c2c(peerName(run.settings.runId, k))) as [ReturnType<typeof c2c>, ReturnType<typeof c2c>];
  const [a, b] = [groupName(run.settings.runId, 'del-a'), groupName(run.settings.runId, 'del-b')];
  const idA = await ops.mustCreate(a, [p1, p2]);
  const idB = await ops.mustCreate(b, [p1]);

  const res = await ops.del(a);
  expect(res).toBeImOk();
  // A lost answer of an applied delete: the client re-created the group and deleted it again (src/client/applied.ts),
  // so the answer is the server's own, for that second group — a new id (ids are never reused).
  const deleted = res.appliedEarlier ? (res.body.GroupItem?.[0]?.GroupId as number) : idA;
  expect(res.body.GroupItem).toEqual([{ GroupName: a, GroupId: deleted }]);
  expect(deleted, 'the deleted group is not the live one').not.toBe(idB);

  const all = await ops.getAll();
  expect(all.groups).toEqual([{ GroupName: b, GroupId: idB }]);
  expect(all.items.find((i) => keyOf(i) === keyOf(p1))?.ContactGroupId).toEqual([idB]);
  for (const item of all.items) for (const id of new Set([idA, deleted])) expect(item.ContactGroupId ?? [], `${keyOf(item)} still refers to the deleted group`).not.toContain(id);
  await choice(run, 'a conversation left without group or mark data is no longer listed', () => expect(all.items.map(keyOf)).not.toContain(keyOf(p2)));

  const found = await ops.mustSearch([p1, p2]);
  expect((found.ContactResultItem ?? []).flatMap((i) => i.ContactGroupId ?? [])).not.toContain(idA);

  const idC = await ops.mustCreate(groupName(run.settings.runId, 'del-c'));
  await choice(run, 'GroupIds are never reused after a delete', () => expect(idC).toBeGreaterThan(idB));
});

test(`del: a group the user does not have → ${ErrorCodes.CONTACT_GROUP_NOT_FOUND}, and deleting twice → ${ErrorCodes.CONTACT_GROUP_NOT_FOUND}`, spec({ covers: [[ErrorCodes.CONTACT_GROUP_NOT_FOUND, CMD.del]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  expect.soft(await ops.del(groupName(run.settings.runId, 'never')), 'unknown').toHaveImError(ErrorCodes.CONTACT_GROUP_NOT_FOUND);
  const name = groupName(run.settings.runId, 'once');
  await ops.mustCreate(name);
  expect(await ops.del(name)).toBeImOk();
  expect.soft(await ops.del(name), 'second delete').toHaveImError(ErrorCodes.CONTACT_GROUP_NOT_FOUND);
});

test(`del: a From_Account that was never imported → ${ErrorCodes.ACCOUNT_NOT_IMPORTED}`, spec({ covers: [[ErrorCodes.ACCOUNT_NOT_IMPORTED, CMD.del]] }), async ({ run, im }) => {
  const ops = new Ops(im, ghostName(run.settings.runId, 'del'));
  expect(await ops.del(groupName(run.settings.runId, 'x'))).toHaveImError(ErrorCodes.ACCOUNT_NOT_IMPORTED);
});

test(`del: malformed requests → ${ErrorCodes.INVALID_PARAMETER}`, spec({ covers: [[ErrorCodes.INVALID_PARAMETER, CMD.del]] }), async ({ run, im, accounts }) => {
  const From_Account = await accounts.take();
  const [one, two] = [groupName(run.settings.runId, 'm1'), groupName(run.settings.runId, 'm2')];
  const ops = new Ops(im, From_Account);
  await ops.mustCreate(one);
  await ops.mustCreate(two);
  const cases: [string, unknown][] = [
    ['missing From_Account', { GroupName: [one] }],
    ['GroupName is a string, not an array', { From_Account, GroupName: one }],
    ['two names in one request', { From_Account, GroupName: [one, two] }],
    ['an empty GroupName array', { From_Account, GroupName: [] }],
    ['missing GroupName', { From_Account }],
  ];
  // Independent refusals sent together: against a distant target the test waits one round trip, not one per case.
  await Promise.all(
    cases.map(([what, body]) =>
      test.step(what, async () => {
        expect.soft(await im.call(CMD.del, body, { validateRequest: false }), what).toHaveImError(ErrorCodes.INVALID_PARAMETER);
      }),
    ),
  );
  expect((await ops.getAll()).groups.map((g) => g.GroupName).sort(), 'nothing was deleted').toEqual([one, two].sort());
});
