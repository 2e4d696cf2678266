/**
 * Behaviour that needs the emulator's control API, each on a private emulator: an app below the Pro
 * edition (51013 for the group commands and for standard marks; custom marks and reads still work),
 * and paging with a small page size (7) so get_contact_group must page.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { rules } from '../../src/rules/index.ts';
import { bitsIn, choice } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, itemResults, keyOf } from '../support/items.ts';
import { answeredPerItem, expect } from '../support/matchers.ts';
import { groupName, peerName } from '../support/names.ts';
import { Ops } from '../support/ops.ts';
import { range } from '../support/util.ts';

const EDITION = 'needs an app below the Pro edition (emulator control API: edition "standard")';

test(
  `edition below Pro: creating, updating and deleting groups → ${ErrorCodes.EDITION_NOT_SUPPORTED}; reads still work`,
  spec({ covers: [[ErrorCodes.EDITION_NOT_SUPPORTED, CMD.create], [ErrorCodes.EDITION_NOT_SUPPORTED, CMD.update], [ErrorCodes.EDITION_NOT_SUPPORTED, CMD.del]], emulatorOnly: EDITION }),
  async ({ run, emulator }) => {
    const emu = await emulator.start();
    const owner = `tc-${run.settings.runId}-ed`;
    await emu.importAccounts(owner);
    const ops = new Ops(emu.client, owner);
    const [name, other] = [groupName(run.settings.runId, 'pro'), groupName(run.settings.runId, 'std')];
    const a = c2c(peerName(run.settings.runId, 'e1'));
    await ops.mustCreate(name, [a]);

    await emu.patchConfig({ edition: 'standard' });
    expect.soft(await ops.create(other), 'create').toHaveImError(ErrorCodes.EDITION_NOT_SUPPORTED);
    expect.soft(await ops.rename(name, other), 'rename').toHaveImError(ErrorCodes.EDITION_NOT_SUPPORTED);
    expect.soft(await ops.update(name, [[2, a]]), 'remove a conversation').toHaveImError(ErrorCodes.EDITION_NOT_SUPPORTED);
    expect.soft(await ops.del(name), 'delete').toHaveImError(ErrorCodes.EDITION_NOT_SUPPORTED);
    const all = await ops.getAll();
    expect(all.groups.map((g) => g.GroupName), 'reads work and nothing changed').toEqual([name]);
    expect((await ops.mustSearch([a])).ContactResultItem?.map(keyOf)).toEqual([keyOf(a)]);

    await emu.patchConfig({ edition: 'pro' });
    expect(await ops.del(name), 'Pro again').toBeImOk();
  },
);

test(
  `edition below Pro: standard marks → ${ErrorCodes.EDITION_NOT_SUPPORTED} per conversation, custom marks still work`,
  spec({ covers: [[ErrorCodes.EDITION_NOT_SUPPORTED, CMD.mark], [ErrorCodes.OK, CMD.mark]], emulatorOnly: EDITION }),
  async ({ run, emulator }) => {
    const emu = await emulator.start();
    const owner = `tc-${run.settings.runId}-ed`;
    await emu.importAccounts(owner);
    const ops = new Ops(emu.client, owner);
    const [a, b, c] = ['s1', 's2', 's3'].map((k) => c2c(peerName(run.settings.runId, k))) as [ReturnType<typeof c2c>, ReturnType<typeof c2c>, ReturnType<typeof c2c>];
    await emu.patchConfig({ edition: 'standard' });
    const res = await ops.mark([
      { OptType: 1, ContactItem: a, SetMark: [0] },
      { OptType: 3, ContactItem: b, SetMark: [1], CustomMark: 'b' },
      { OptType: 2, ContactItem: c, CustomMark: 'custom' },
    ]);
    expect.soft(res, 'OptType 1').toHaveImError(ErrorCodes.EDITION_NOT_SUPPORTED, { contact: a });
    expect.soft(res, 'OptType 3').toHaveImError(ErrorCodes.EDITION_NOT_SUPPORTED, { contact: b });
    if (answeredPerItem(res)) {
      expect(itemResults(CMD.mark, res.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(c))?.ResultCode, 'custom marks need no edition').toBe(0);
    }
    const found = await ops.mustSearch([a, b, c]);
    // answered top-level (a choice), the request changed nothing; per item, only the custom mark went through
    const expected = answeredPerItem(res) ? [[keyOf(c), [], 'custom']] : [];
    expect((found.ContactResultItem ?? []).map((i) => [keyOf(i), bitsIn(run, i.StandardMark), i.CustomMark ?? ''])).toEqual(expected);
    await emu.patchConfig({ edition: 'pro' });
  },
);

/** A small page size, and one conversation less than three full pages of it: pages of 7, 7 and 6. */
const PAGE = 7;
const PAGED = 3 * PAGE - 1;

test(
  `get: with a page size of ${PAGE}, paging returns every conversation exactly once and ends`,
  spec({ covers: [[ErrorCodes.OK, CMD.get]], emulatorOnly: `needs a small page size (emulator control API: pageSize ${PAGE}); on staging the default size is paged by the 150- and ${rules.maxConversationsWithData.limit}-conversation tests` }),
  async ({ run, emulator }) => {
    const emu = await emulator.start();
    const owner = `tc-${run.settings.runId}-pg`;
    await emu.importAccounts(owner);
    const ops = new Ops(emu.client, owner);
    const before = (await emu.control<{ pageSize: number }>('GET', 'config')).pageSize;
    await emu.patchConfig({ pageSize: PAGE });
    const peers = range(PAGED).map((k) => c2c(peerName(run.settings.runId, `pg${k}`)));
    expect(await ops.mark(peers.map((ContactItem, k) => ({ OptType: 2, ContactItem, CustomMark: `${k}` })))).toBeImOk();
    const [g1, g2] = [groupName(run.settings.runId, 'pg1'), groupName(run.settings.runId, 'pg2')];
    const id1 = await ops.mustCreate(g1, peers.slice(0, 3));
    const id2 = await ops.mustCreate(g2);

    const all = await ops.getAll();
    expect(all.pages.map((p) => p.ContactItem?.length ?? 0)).toEqual([PAGE, PAGE, PAGE - 1]);
    expect(all.pages.map((p) => p.CompleteFlag)).toEqual([0, 0, 1]);
    const keys = all.items.map(keyOf);
    expect(new Set(keys).size, 'no conversation twice').toBe(PAGED);
    expect(keys.sort()).toEqual(peers.map(keyOf).sort());
    await choice(run, 'every page lists all groups of the user', () => {
      for (const p of all.pages) expect(p.GroupItem?.map((g) => g.GroupId).sort()).toEqual([id1, id2].sort());
    });
    await emu.patchConfig({ pageSize: before });
  },
);
