/**
 * The conversation cap (rule maxConversationsWithData, 51008 per item): conversations with group data and
 * conversations with marks share it. Fill to the cap in batches of the MarkItem limit, the next one is
 * refused, data of conversations that already count can still change, and get_contact_group pages through
 * all of them exactly once.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { ordinal, rules } from '../../src/rules/index.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, itemResults, keyOf } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { groupName, peerName } from '../support/names.ts';
import type { Ops } from '../support/ops.ts';
import { freshOwner } from '../support/ops.ts';
import { chunks, range } from '../support/util.ts';

const cap = rules.maxConversationsWithData;
const CAP = cap.limit;
/** The largest batch one request may carry (the MarkItem rule; update_contact_group documents none, so the same). */
const BATCH = rules.maxMarkItems.limit;

async function expectExactlyOnce(ops: Ops, expected: string[]): Promise<void> {
  const all = await ops.getAll(CAP);
  const keys = all.items.map(keyOf);
  expect(new Set(keys).size, 'no conversation appears twice across pages').toBe(keys.length);
  expect(keys.length, 'conversations with data').toBe(expected.length);
  expect(keys.sort()).toEqual([...expected].sort());
  test.info().annotations.push({ type: 'pages', description: `${all.pages.length} page(s) for ${keys.length} conversations` });
}

test(
  `limits: ${CAP} conversations with group data are accepted, the ${ordinal(cap.over)} → ${cap.code} per conversation (update and create)`,
  spec({ covers: [[cap.code, CMD.update], [cap.code, CMD.create], [ErrorCodes.OK, CMD.update]] }),
  async ({ run, im, accounts }) => {
    test.setTimeout(300_000);
    const ops = await freshOwner(im, accounts);
    const peers = range(cap.over + 1).map((k) => c2c(peerName(run.settings.runId, `c${k}`)));
    const [main, extra] = [groupName(run.settings.runId, 'cap'), groupName(run.settings.runId, 'cap2')];
    await ops.mustCreate(main);
    for (const batch of chunks(peers.slice(0, CAP), BATCH)) {
      expect(await ops.update(main, batch.map((c) => [1, c] as [1, typeof c])), `adding a batch of ${BATCH}`).toBeImOk();
    }
    const over = peers[CAP] as (typeof peers)[number];
    expect(await ops.update(main, [[1, over]]), `update: the ${ordinal(cap.over)} conversation`).toHaveImError(cap.code, { contact: over });

    const next = peers[cap.over] as (typeof peers)[number];
    const created = await ops.create(extra, [peers[0] as (typeof peers)[number], next]);
    expect(created, `create: the ${ordinal(cap.over)} conversation`).toHaveImError(cap.code, { contact: next });
    if (run.expectations.scope(cap.code) === 'per-item') {
      const first = itemResults(CMD.create, created.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(peers[0] as (typeof peers)[number]));
      expect(first?.ResultCode, 'a conversation that already counts can join another group at the cap').toBe(0);
    }
    await expectExactlyOnce(ops, peers.slice(0, CAP).map(keyOf));
  },
);

test(
  `limits: ${CAP} conversations with marks are accepted, the ${ordinal(cap.over)} → ${cap.code} per conversation`,
  spec({ covers: [[cap.code, CMD.mark], [ErrorCodes.OK, CMD.mark], [ErrorCodes.OK, CMD.get]] }),
  async ({ run, im, accounts }) => {
    test.setTimeout(300_000);
    const ops = await freshOwner(im, accounts);
    const peers = range(cap.over).map((k) => c2c(peerName(run.settings.runId, `k${k}`)));
    for (const batch of chunks(peers.slice(0, CAP), BATCH)) {
      expect(await ops.mark(batch.map((ContactItem) => ({ OptType: 2 as const, ContactItem, CustomMark: 'cap' }))), `marking a batch of ${BATCH}`).toBeImOk();
    }
    const over = peers[CAP] as (typeof peers)[number];
    expect(await ops.mark([{ OptType: 2, ContactItem: over, CustomMark: 'over' }]), `the ${ordinal(cap.over)} conversation`).toHaveImError(cap.code, { contact: over });
    const customerBit = rules.maxMarkBit.over / 2;
    expect(await ops.mark([{ OptType: 3, ContactItem: peers[0] as (typeof peers)[number], SetMark: [customerBit], CustomMark: 'changed' }]), 'a conversation that already counts').toBeImOk();
    await expectExactlyOnce(ops, peers.slice(0, CAP).map(keyOf));
  },
);
