/**
 * "Conversation group mark data is independent of recent contacts" (mark_contact and create_contact_group
 * pages): group and mark writes neither add nor change entries of the recent-contacts list
 * (recentcontact/get_list), and deleting a recent contact (recentcontact/delete) leaves the conversation's group
 * and mark data as it was. Only the documented fields are compared.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { bitsIn, choice } from '../support/choice.ts';
import type { ContractClient } from '../support/client.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, keyOf, type Contact } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { groupName, peerName } from '../support/names.ts';
import { freshOwner } from '../support/ops.ts';

/** get_list AssistFlags: bit 0 pinned conversations, bit 1 empty conversations too, bit 2 paginate pinned ones — everything. */
const EVERYTHING = 0b111;
/** The bound of the paging loop: a fresh account has a handful of entries at most. */
const MAX_LIST_PAGES = 50;

interface SessionItem {
  Type?: number;
  To_Account?: string;
  GroupId?: string;
  MsgTime?: number;
  TopFlag?: number;
}
interface ListBody {
  SessionItem?: SessionItem[];
  CompleteFlag?: number;
  TimeStamp?: number;
  StartIndex?: number;
  TopTimeStamp?: number;
  TopStartIndex?: number;
}

/** The owner's recent contacts, all pages, as "type:peer@msgTime/top" (the documented fields only). */
async function recentContacts(im: ContractClient, owner: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = { TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0 };
  for (let page = 1; ; page++) {
    const res = await im.call<ListBody>(CMD.getList, { From_Account: owner, ...cursor, AssistFlags: EVERYTHING });
    expect(res, `get_list page ${page}`).toBeImOk();
    const b = res.body ?? {};
    for (const s of b.SessionItem ?? []) out.push(`${s.Type}:${s.Type === 1 ? s.To_Account : s.GroupId}@${s.MsgTime}/${s.TopFlag ?? 0}`);
    if (b.CompleteFlag === 1) return out.sort();
    expect(page, `get_list paging did not end after ${MAX_LIST_PAGES} pages`).toBeLessThan(MAX_LIST_PAGES);
    cursor = { TimeStamp: b.TimeStamp ?? 0, StartIndex: b.StartIndex ?? 0, TopTimeStamp: b.TopTimeStamp ?? 0, TopStartIndex: b.TopStartIndex ?? 0 };
  }
}

test('recent contacts: group and mark writes neither add nor change get_list entries', spec({ covers: [[ErrorCodes.OK, CMD.create], [ErrorCodes.OK, CMD.mark], [ErrorCodes.OK, CMD.update]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const [a, b] = ['ra', 'rb'].map((k) => c2c(peerName(run.settings.runId, k))) as [Contact, Contact];
  const g = g2c(run.state.liveGroups[0] as string);
  const before = await recentContacts(im, ops.owner);
  const name = groupName(run.settings.runId, 'recent');
  await ops.mustCreate(name, [a, g]);
  expect(await ops.update(name, [[1, b]])).toBeImOk();
  expect(await ops.mark([{ OptType: 3, ContactItem: a, SetMark: [0, 33], CustomMark: 'r' }, { OptType: 2, ContactItem: g, CustomMark: 'g' }])).toBeImOk();
  expect(await recentContacts(im, ops.owner), 'the recent-contacts list after group and mark writes').toEqual(before);
});

test('recent contacts: deleting a recent contact leaves its group and mark data intact', spec({ covers: [[ErrorCodes.OK, CMD.get], [ErrorCodes.OK, CMD.search]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const a = c2c(peerName(run.settings.runId, 'rd'));
  const g = g2c(run.state.liveGroups[1] as string);
  const id = await ops.mustCreate(groupName(run.settings.runId, 'rdel'), [a, g]);
  expect(await ops.mark([{ OptType: 3, ContactItem: a, SetMark: [1, 40], CustomMark: 'keep' }, { OptType: 1, ContactItem: g, SetMark: [2] }])).toBeImOk();
  const view = async (c: Contact) => {
    const d = (await ops.mustSearch([c])).ContactResultItem?.find((i) => keyOf(i) === keyOf(c));
    return { groups: d?.ContactGroupId ?? [], bits: bitsIn(run, d?.StandardMark), custom: d?.CustomMark ?? '' };
  };
  const expected = [
    { groups: [id], bits: [1, 40], custom: 'keep' },
    { groups: [id], bits: [2], custom: '' },
  ];
  expect([await view(a), await view(g)], 'before').toEqual(expected);
  // recentcontact/delete spells the group id ToGroupid (its own page)
  const deletes = [
    await im.call(CMD.delete, { From_Account: ops.owner, Type: 1, To_Account: a.To_Account }),
    await im.call(CMD.delete, { From_Account: ops.owner, Type: 2, ToGroupid: g.ToGroupId }),
  ];
  // deleting a conversation that never had messages: the docs do not say whether that is OK or an error
  for (const res of deletes) await choice(run, 'recentcontact/delete of a conversation without messages is OK', () => expect(res).toBeImOk());
  expect([await view(a), await view(g)], 'after deleting the recent contacts').toEqual(expected);
  expect((await ops.getAll()).items.map(keyOf).sort(), 'get_contact_group still lists both').toEqual([a, g].map(keyOf).sort());
});
