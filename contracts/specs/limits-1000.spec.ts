/**
 * The 1,000 caps (rule maxConversationsWithData, 51008), as the docs state them: conversations in conversation
 * groups are capped at 1,000, and conversations with marks/custom data are capped at 1,000 on their own. How
 * the group cap is counted is where the pages disagree — the CN pages and both error tables: over all of a
 * user's groups ("the total number of conversations in the conversation group(s)"); the EN get_contact_group
 * page: per group ("the session capacity limit per group is 1000"). The suite asserts what both readings share
 * (the 1,001st conversation of one group is refused) and learns which reading the target takes (a choice).
 * Fill to the cap in batches of the MarkItem limit; data of conversations that already count can still change,
 * and get_contact_group pages through all of them exactly once, whatever the page size.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { choices, ordinal, rules } from '../../src/rules/index.ts';
import { choice, learn } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, itemResults, keyOf, type Contact } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { groupName, peerName } from '../support/names.ts';
import type { Ops } from '../support/ops.ts';
import { freshOwner } from '../support/ops.ts';
import { chunks, range } from '../support/util.ts';

const cap = rules.maxConversationsWithData;
const CAP = cap.limit;
/** The largest batch one request may carry (the MarkItem rule; update_contact_group documents none, so the same). */
const BATCH = rules.maxMarkItems.limit;
type Reading = 'total' | 'per-group';

async function expectExactlyOnce(ops: Ops, expected: string[]): Promise<void> {
  const all = await ops.getAll();
  const keys = all.items.map(keyOf);
  expect(new Set(keys).size, 'no conversation appears twice across pages').toBe(keys.length);
  expect(keys.length, 'conversations with data').toBe(expected.length);
  expect(keys.sort()).toEqual([...expected].sort());
  test.info().annotations.push({ type: 'pages', description: `${all.pages.length} page(s) for ${keys.length} conversations` });
}

/** Whether `contact` was refused with the cap's code (top-level or per item), accepted, or neither (undefined). */
function capAnswer(res: { command: string; body: unknown }, contact: Contact): 'refused' | 'accepted' | undefined {
  const b = res.body as { ActionStatus?: unknown; ErrorCode?: unknown } | undefined;
  if (b?.ActionStatus === 'FAIL') return b.ErrorCode === cap.code ? 'refused' : undefined;
  if (b?.ActionStatus !== 'OK' || b.ErrorCode !== 0) return undefined;
  const own = itemResults(res.command, res.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(contact));
  return own?.ResultCode === 0 ? 'accepted' : own?.ResultCode === cap.code ? 'refused' : undefined;
}

test(
  `limits: ${CAP} conversations in a group are accepted, the ${ordinal(cap.over)} → ${cap.code}; a new conversation in another group: the cap is counted over all groups or per group (choice)`,
  spec({ covers: [[cap.code, CMD.update], [cap.code, CMD.create], [ErrorCodes.OK, CMD.update]] }),
  async ({ run, im, accounts }) => {
    test.setTimeout(300_000);
    const ops = await freshOwner(im, accounts);
    const peers = range(cap.over + 1).map((k) => c2c(peerName(run.settings.runId, `c${k}`)));
    const [main, extra] = [groupName(run.settings.runId, 'cap'), groupName(run.settings.runId, 'cap2')];
    await ops.mustCreate(main);
    // the batches are independent: sent together, the test waits one round trip for them, not ten
    await Promise.all(chunks(peers.slice(0, CAP), BATCH).map(async (batch) => expect(await ops.update(main, batch.map((c) => [1, c] as [1, typeof c])), `adding a batch of ${BATCH}`).toBeImOk()));
    // both readings: one group cannot hold a 1,001st conversation
    const over = peers[CAP] as Contact;
    expect(await ops.update(main, [[1, over]]), `update: the ${ordinal(cap.over)} conversation of one group`).toHaveImError(cap.code, { contact: over });

    // a conversation that already counts plus a new one, in another group: the readings differ on the new one
    const [counted, next] = [peers[0] as Contact, peers[cap.over] as Contact];
    const created = await ops.create(extra, [counted, next]);
    const answer = capAnswer(created, next);
    expect(answer, `create: a new conversation in a second group is either accepted or refused with ${cap.code}`).toBeDefined();
    const reading: Reading = answer === 'refused' ? 'total' : 'per-group';
    expect(learn<Reading>(run, 'conversation-cap', reading), 'the target counts the cap the same way all run').toBe(reading);
    await choice(run, `conversation cap counted ${run.expectations.form.conversationCap === 'total' ? 'over all groups' : 'per group'} (CN pages: total; the EN get page: per group; ${choices.conversationCap.env})`, () => expect(reading).toBe(run.expectations.form.conversationCap));
    if (answer === 'refused') expect(created, `create: the ${ordinal(cap.over)} grouped conversation`).toHaveImError(cap.code, { contact: next });
    else expect(created, 'create: per group, the second group has room').toBeImOk();
    const perItem = (created.body as { ActionStatus?: unknown } | undefined)?.ActionStatus === 'OK';
    if (perItem) {
      const first = itemResults(CMD.create, created.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(counted));
      expect(first?.ResultCode, 'a conversation that already counts can join another group at the cap').toBe(0);
    }
    await expectExactlyOnce(ops, [...peers.slice(0, CAP), ...(answer === 'accepted' ? [next] : [])].map(keyOf));
    // Let go of the 1,000 conversations at once (not asserted: the teardown still removes and checks everything):
    // the teardown then reads one page of this owner, not all of them — two seconds at the end of a run 200 ms away.
    await Promise.all([ops.del(main), ops.del(extra)]);
  },
);

test(
  `limits: ${CAP} conversations with marks are accepted, the ${ordinal(cap.over)} → ${cap.code}; the group cap is counted on its own`,
  spec({ covers: [[cap.code, CMD.mark], [ErrorCodes.OK, CMD.mark], [ErrorCodes.OK, CMD.create], [ErrorCodes.OK, CMD.get]] }),
  async ({ run, im, accounts }) => {
    test.setTimeout(300_000);
    const ops = await freshOwner(im, accounts);
    const peers = range(cap.over).map((k) => c2c(peerName(run.settings.runId, `k${k}`)));
    await Promise.all(chunks(peers.slice(0, CAP), BATCH).map(async (batch) => expect(await ops.mark(batch.map((ContactItem) => ({ OptType: 2 as const, ContactItem, CustomMark: 'cap' }))), `marking a batch of ${BATCH}`).toBeImOk()));
    const over = peers[CAP] as Contact;
    expect(await ops.mark([{ OptType: 2, ContactItem: over, CustomMark: 'over' }]), `the ${ordinal(cap.over)} conversation`).toHaveImError(cap.code, { contact: over });
    const customerBit = rules.maxMarkBit.over / 2;
    expect(await ops.mark([{ OptType: 3, ContactItem: peers[0] as Contact, SetMark: [customerBit], CustomMark: 'changed' }]), 'a conversation that already counts').toBeImOk();
    // marks/custom data are capped on their own: 1,000 marked conversations leave the group cap untouched
    expect(await ops.create(groupName(run.settings.runId, 'capg'), [over]), 'a group for an unmarked conversation, with 1,000 marked ones').toBeImOk();
    await expectExactlyOnce(ops, peers.map(keyOf));
    const [first, ...rest] = peers.slice(0, CAP) as Contact[];
    // Let go of the 1,000 marked conversations at once, as the test above does with its groups.
    await Promise.all([
      ops.mark([{ OptType: 3, ContactItem: first as Contact, ClearMark: [customerBit], CustomMark: '' }]),
      ...chunks(rest, BATCH).map((batch) => ops.mark(batch.map((ContactItem) => ({ OptType: 2 as const, ContactItem, CustomMark: '' })))),
      ops.del(groupName(run.settings.runId, 'capg')),
    ]);
  },
);
