/** v4/recentcontact/get_contact_group: empty user, full data, paging, Timestamp, 50001, 50002. */
import { ErrorCodes } from '../../src/errors/index.ts';
import { rules } from '../../src/rules/index.ts';
import { bitsIn, choice } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, keyOf, type Contact } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { ghostName, groupName, peerName } from '../support/names.ts';
import { freshOwner, Ops } from '../support/ops.ts';
import { chunks, range } from '../support/util.ts';

test('get: a user without data gets no conversations or groups, CompleteFlag 1 and NextStartIndex 0', spec({ covers: [[ErrorCodes.OK, CMD.get]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const res = await ops.get(0);
  expect(res).toBeImOk();
  const b = res.body ?? {};
  expect({ ContactItem: b.ContactItem ?? [], GroupItem: b.GroupItem ?? [], CompleteFlag: b.CompleteFlag, NextStartIndex: b.NextStartIndex }).toEqual({ ContactItem: [], GroupItem: [], CompleteFlag: 1, NextStartIndex: 0 });
  // no doc says whether an empty list is sent as [] or left out
  await choice(run, 'empty ContactItem/GroupItem are present as []', () => expect([Array.isArray(b.ContactItem), Array.isArray(b.GroupItem)]).toEqual([true, true]));
});

test('get: returns every group (also empty ones) and every conversation with its data', spec({ covers: [[ErrorCodes.OK, CMD.get]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const a = c2c(peerName(run.settings.runId, 'ga'));
  const g = g2c(run.state.liveGroups[1] as string);
  const [full, empty] = [groupName(run.settings.runId, 'full'), groupName(run.settings.runId, 'empty')];
  const idFull = await ops.mustCreate(full, [a, g]);
  const idEmpty = await ops.mustCreate(empty);
  expect(await ops.mark([{ OptType: 3, ContactItem: g, SetMark: [1], CustomMark: 'g' }])).toBeImOk();
  const all = await ops.getAll();
  await choice(run, 'get lists all groups of the user, also those without conversations', () =>
    expect([...all.groups].sort((x, y) => x.GroupId - y.GroupId)).toEqual([
      { GroupName: full, GroupId: idFull },
      { GroupName: empty, GroupId: idEmpty },
    ]),
  );
  expect(all.items.map(keyOf).sort()).toEqual([a, g].map(keyOf).sort());
  const gData = all.items.find((i) => keyOf(i) === keyOf(g));
  expect(gData).toMatchObject({ Type: 2, ToGroupId: g.ToGroupId, CustomMark: 'g', ContactGroupId: [idFull] });
  expect(bitsIn(run, gData?.StandardMark)).toEqual([1]);
});

test('get: pages through 150 conversations — every one exactly once, and paging ends', spec({ covers: [[ErrorCodes.OK, CMD.get]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const peers = range(150).map((k) => c2c(peerName(run.settings.runId, `p${k}`)));
  for (const batch of chunks(peers, rules.maxMarkItems.limit)) expect(await ops.mark(batch.map((ContactItem) => ({ OptType: 2, ContactItem, CustomMark: 'p' })))).toBeImOk();
  const all = await ops.getAll();
  const keys = all.items.map(keyOf);
  expect(new Set(keys).size, 'no conversation twice').toBe(keys.length);
  expect(keys.sort()).toEqual(peers.map(keyOf).sort());
  test.info().annotations.push({ type: 'pages', description: `${all.pages.length} page(s) for 150 conversations` });
});

test('get: Timestamp is set on a change, moves on a later change and not on reads', spec({ covers: [[ErrorCodes.OK, CMD.get], [ErrorCodes.OK, CMD.mark]] }), async ({ run, im, accounts, emulator }) => {
  const onEmulator = run.settings.kind === 'emulator';
  let ops: Ops;
  let advance: () => Promise<void>;
  if (onEmulator) {
    // a private emulator, so moving its clock cannot disturb other tests
    const emu = await emulator.start();
    const owner = ghostName(run.settings.runId, 'clock');
    await emu.importAccounts(owner);
    ops = new Ops(emu.client, owner);
    advance = () => emu.advanceClock(120);
  } else {
    ops = await freshOwner(im, accounts);
    advance = () => new Promise((r) => setTimeout(r, 1100));
  }
  const a = c2c(peerName(run.settings.runId, 'ts'));
  const stamp = async (c: Contact): Promise<number> => (await ops.getAll()).items.find((i) => keyOf(i) === keyOf(c))?.Timestamp ?? -1;

  expect(await ops.mark([{ OptType: 2, ContactItem: a, CustomMark: 'v1' }])).toBeImOk();
  const t1 = await stamp(a);
  expect(t1, 'Timestamp (Unix seconds) after the first change').toBeGreaterThan(1_600_000_000);
  await advance();
  expect(await stamp(a), 'a read does not move the Timestamp').toBe(t1);
  let n = 1;
  await expect
    .poll(
      async () => {
        expect(await ops.mark([{ OptType: 2, ContactItem: a, CustomMark: `v${++n}` }])).toBeImOk();
        return stamp(a);
      },
      { message: 'Timestamp after a later change', intervals: [0, 1100, 1100], timeout: 8000 },
    )
    .toBeGreaterThan(t1);
  if (onEmulator) expect(await stamp(a), 'moved by the emulator clock (120 s)').toBeGreaterThanOrEqual(t1 + 120);
});

test(`get: a From_Account that was never imported → ${ErrorCodes.ACCOUNT_NOT_IMPORTED}`, spec({ covers: [[ErrorCodes.ACCOUNT_NOT_IMPORTED, CMD.get]] }), async ({ run, im }) => {
  expect(await new Ops(im, ghostName(run.settings.runId, 'get')).get(0)).toHaveImError(ErrorCodes.ACCOUNT_NOT_IMPORTED);
});

test(`get: malformed requests → ${ErrorCodes.INVALID_PARAMETER}`, spec({ covers: [[ErrorCodes.INVALID_PARAMETER, CMD.get]] }), async ({ im, accounts }) => {
  const From_Account = await accounts.take();
  const cases: [string, unknown][] = [
    ['missing From_Account', { StartIndex: 0 }],
    ['missing StartIndex', { From_Account }],
    ['StartIndex as a string', { From_Account, StartIndex: '0' }],
    ['negative StartIndex', { From_Account, StartIndex: -1 }],
    ['From_Account is an array', { From_Account: [From_Account], StartIndex: 0 }],
  ];
  // Independent refusals sent together: against a distant target the test waits one round trip, not one per case.
  await Promise.all(
    cases.map(([what, body]) =>
      test.step(what, async () => {
        expect.soft(await im.call(CMD.get, body, { validateRequest: false }), what).toHaveImError(ErrorCodes.INVALID_PARAMETER);
      }),
    ),
  );
});
