/** v4/recentcontact/mark_contact: standard bits, custom marks (UTF-8), CustomMark and MarkItem limits (limit / limit + 1, 0 items), 51007, 50001, 50002. */
import { ErrorCodes } from '../../src/errors/index.ts';
import { rules } from '../../src/rules/index.ts';
import { utf8Length } from '../../src/schema/index.ts';
import { describeKnob, loadExpectations } from '../expectations.ts';
import { bitsIn, choice, choiceWhat, markForm } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, itemResults, keyOf, markOf, type Contact, type ContactData } from '../support/items.ts';
import { answeredOk, answeredPerItem, expect } from '../support/matchers.ts';
import { ghostName, peerName, textOfBytes } from '../support/names.ts';
import { freshOwner, Ops, type MarkItemReq } from '../support/ops.ts';
import { range } from '../support/util.ts';

const expectations = loadExpectations();
/** The rules (schemas/limits.json): each boundary test sends `limit` (accepted) and `over` = limit + 1 (refused). */
const { maxCustomMarkBytes: customMark, maxMarkItems: markItems, maxMarkBit: markBit } = rules;
/** The highest standard-mark bit, and the first of the customer half (bits 0..31 are Chat's, 32..63 the customer's). */
const TOP_BIT = markBit.limit;
const FIRST_CUSTOMER_BIT = markBit.over / 2;
const find = (items: ContactData[] | undefined, c: Contact) => (items ?? []).find((i) => keyOf(i) === keyOf(c));

/** The conversation's data as get_contact_group and search_contact_group return it (both must agree). */
async function readBoth(ops: Ops, c: Contact): Promise<ContactData | undefined> {
  const viaGet = find((await ops.getAll()).items, c);
  const viaSearch = find((await ops.mustSearch([c])).ContactResultItem, c);
  expect(viaSearch, `search and get agree on ${keyOf(c)}`).toEqual(viaGet);
  return viaGet;
}

test(`mark: set and clear internal bits 0–3 and customer bits ${FIRST_CUSTOMER_BIT}–${TOP_BIT}, read back through get and search`, spec({ covers: [[ErrorCodes.OK, CMD.mark]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const a = c2c(peerName(run.settings.runId, 'm1'));
  const g = g2c(run.state.liveGroups[0] as string);
  const middle = (FIRST_CUSTOMER_BIT + TOP_BIT + 1) / 2 - 1;
  const bits = [0, 1, 2, 3, FIRST_CUSTOMER_BIT, middle, TOP_BIT];
  expect(await ops.mark([{ OptType: 1, ContactItem: a, SetMark: bits }, { OptType: 1, ContactItem: g, SetMark: [3, FIRST_CUSTOMER_BIT] }])).toBeImOk();
  const first = await readBoth(ops, a);
  expect(bitsIn(run, first?.StandardMark)).toEqual(bits);
  // the string form is doc-silent: the setup probe learned it; the run holds the target to that form
  const form = markForm(run);
  if (form.padding !== 'other') expect(first?.StandardMark, `StandardMark in the form the probe learned (${form.order}, ${form.padding})`).toBe(markOf(bits, form));
  expect(bitsIn(run, (await readBoth(ops, g))?.StandardMark)).toEqual([3, FIRST_CUSTOMER_BIT]);

  const cleared = [1, TOP_BIT];
  const rest = bits.filter((b) => !cleared.includes(b));
  expect(await ops.mark([{ OptType: 1, ContactItem: a, ClearMark: cleared }])).toBeImOk();
  expect(bitsIn(run, (await readBoth(ops, a))?.StandardMark)).toEqual(rest);

  expect(await ops.mark([{ OptType: 1, ContactItem: a, ClearMark: rest }])).toBeImOk();
  const none = await readBoth(ops, a);
  expect(bitsIn(run, none?.StandardMark)).toEqual([]);
  await choice(run, 'a conversation without any group or mark data is no longer listed', () => expect(none).toBeUndefined());
});

test('mark: each ResultItem answers the OptType and conversation of one requested item', spec({ covers: [[ErrorCodes.OK, CMD.mark]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const [a, b] = ['e1', 'e2'].map((k) => c2c(peerName(run.settings.runId, k))) as [Contact, Contact];
  const g = g2c(run.state.liveGroups[0] as string);
  const items: MarkItemReq[] = [
    { OptType: 1, ContactItem: a, SetMark: [2] },
    { OptType: 2, ContactItem: b, CustomMark: 'e' },
    { OptType: 3, ContactItem: g, SetMark: [3], CustomMark: 'f' },
  ];
  const res = await ops.mark(items);
  expect(res).toBeImOk();
  // the docs: a result for each mark operation, with its OptType and conversation; their order is not documented
  const pairs = (list: { OptType?: unknown; ContactItem?: Contact }[]): string[] => list.map((i) => `${String(i.OptType)} ${i.ContactItem ? keyOf(i.ContactItem) : '?'}`).sort();
  expect(pairs(itemResults(CMD.mark, res.body) as { OptType?: unknown; ContactItem?: Contact }[]), 'ResultItem (OptType, conversation) pairs').toEqual(pairs(items));
});

test('mark: ClearMark is applied before SetMark, so a bit in both ends up set (choice)', spec({ covers: [[ErrorCodes.OK, CMD.mark]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const a = c2c(peerName(run.settings.runId, 'm2'));
  expect(await ops.mark([{ OptType: 1, ContactItem: a, SetMark: [5, 40] }])).toBeImOk();
  expect(await ops.mark([{ OptType: 1, ContactItem: a, ClearMark: [5, 40], SetMark: [5] }])).toBeImOk();
  await choice(run, 'ClearMark before SetMark', async () => expect(bitsIn(run, (await readBoth(ops, a))?.StandardMark)).toEqual([5]));
});

test('mark: custom marks round-trip UTF-8 exactly (Korean, emoji) and "" clears them', spec({ covers: [[ErrorCodes.OK, CMD.mark]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const values = ['대화 그룹 태그', '🏷️👍🏽 중요 ✨', textOfBytes(customMark.limit)];
  const peers = values.map((_, i) => c2c(peerName(run.settings.runId, `k${i}`)));
  expect(await ops.mark(peers.map((ContactItem, i) => ({ OptType: 2, ContactItem, CustomMark: values[i] })))).toBeImOk();
  for (const [i, p] of peers.entries()) expect((await readBoth(ops, p))?.CustomMark, `mark ${i}`).toBe(values[i]);

  const p0 = peers[0] as Contact;
  const bit = FIRST_CUSTOMER_BIT + 1;
  expect(await ops.mark([{ OptType: 1, ContactItem: p0, SetMark: [bit] }])).toBeImOk();
  const both = await readBoth(ops, p0);
  expect([both?.CustomMark, bitsIn(run, both?.StandardMark)], 'OptType 1 leaves the custom mark alone').toEqual([values[0], [bit]]);
  expect(await ops.mark([{ OptType: 3, ContactItem: p0, ClearMark: [bit], CustomMark: '' }])).toBeImOk();
  const none = await readBoth(ops, p0);
  expect([none?.CustomMark ?? '', bitsIn(run, none?.StandardMark)], 'OptType 3 clears both').toEqual(['', []]);
});

test('mark: OptType 1 sets only standard marks, OptType 2 only the custom mark — the other fields are ignored (choice)', spec({ covers: [[ErrorCodes.OK, CMD.mark]] }), async ({ run, im, accounts }) => {
  // the docs define OptType 1 as "setting standard conversation marks" and 2 as "setting custom conversation
  // marks"; what a server does with the other fields sent alongside is not documented: a choice
  const ops = await freshOwner(im, accounts);
  const a = c2c(peerName(run.settings.runId, 'ot'));
  expect(await ops.mark([{ OptType: 3, ContactItem: a, SetMark: [2], CustomMark: 'orig' }])).toBeImOk();
  const one = await ops.mark([{ OptType: 1, ContactItem: a, SetMark: [7], CustomMark: 'by-type-1' }]);
  const afterOne = await readBoth(ops, a);
  if (answeredOk(one)) expect(bitsIn(run, afterOne?.StandardMark), 'OptType 1 sets the standard mark').toEqual(expect.arrayContaining([2, 7]));
  await choice(run, 'OptType 1 ignores CustomMark', () => {
    expect(one).toBeImOk();
    expect(afterOne?.CustomMark).toBe('orig');
  });
  const before = bitsIn(run, afterOne?.StandardMark);
  const two = await ops.mark([{ OptType: 2, ContactItem: a, CustomMark: 'by-type-2', SetMark: [9], ClearMark: [2] }]);
  const afterTwo = await readBoth(ops, a);
  if (answeredOk(two)) expect(afterTwo?.CustomMark, 'OptType 2 sets the custom mark').toBe('by-type-2');
  await choice(run, 'OptType 2 ignores SetMark and ClearMark', () => {
    expect(two).toBeImOk();
    expect(bitsIn(run, afterTwo?.StandardMark)).toEqual(before);
  });
});

test(
  `mark: a CustomMark of ${customMark.limit} bytes is accepted, ${customMark.over} bytes → ${describeKnob(expectations, 'customMarkTooLong')}`,
  spec({ covers: [[ErrorCodes.OK, CMD.mark], [expectations.customMarkTooLong, CMD.mark]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const a = c2c(peerName(run.settings.runId, 'cm'));
    // the refused mark ends with a 3-byte character crossing the limit, then one ASCII byte
    const [fits, over] = [textOfBytes(customMark.limit), `${textOfBytes(customMark.limit - utf8Length('한'))}한x`];
    expect(utf8Length(over)).toBe(customMark.over);
    expect(await ops.mark([{ OptType: 2, ContactItem: a, CustomMark: fits }])).toBeImOk();
    expect(await ops.mark([{ OptType: 2, ContactItem: a, CustomMark: over }], { validateRequest: false })).toHaveImError(expectations.customMarkTooLong, { choice: choiceWhat('customMarkTooLong') });
    expect((await readBoth(ops, a))?.CustomMark, 'the refused mark changed nothing').toBe(fits);
  },
);

test(
  `mark: ${markItems.limit} MarkItem are accepted, ${markItems.over} → ${markItems.code}`,
  spec({ covers: [[markItems.code, CMD.mark], [ErrorCodes.OK, CMD.mark]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const items = range(markItems.over).map((k) => ({ OptType: 2 as const, ContactItem: c2c(peerName(run.settings.runId, `n${k}`)), CustomMark: `n${k}` }));
    const res = await ops.mark(items.slice(0, markItems.limit));
    expect(res).toBeImOk();
    expect(itemResults(CMD.mark, res.body)).toHaveLength(markItems.limit);
    expect(await ops.mark(items, { validateRequest: false })).toHaveImError(markItems.code);
    expect((await ops.getAll()).items, 'the refused request changed nothing').toHaveLength(markItems.limit);
  },
);

test(`mark: no MarkItem → ${markItems.code}`, spec({ covers: [[markItems.code, CMD.mark]] }), async ({ im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  expect(await ops.mark([], { validateRequest: false })).toHaveImError(markItems.code);
});

test(`mark: a destroyed IM group → ${ErrorCodes.GROUP_ID_CONVERSION_FAILED} for that conversation`, spec({ covers: [[ErrorCodes.GROUP_ID_CONVERSION_FAILED, CMD.mark]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const gone = g2c(run.state.destroyedGroup);
  const fine = c2c(peerName(run.settings.runId, 'm7'));
  const res = await ops.mark([{ OptType: 2, ContactItem: fine, CustomMark: 'ok' }, { OptType: 2, ContactItem: gone, CustomMark: 'no' }]);
  expect(res).toHaveImError(ErrorCodes.GROUP_ID_CONVERSION_FAILED, { contact: gone });
  if (answeredPerItem(res)) {
    expect(itemResults(CMD.mark, res.body).find((r) => r.ContactItem && keyOf(r.ContactItem) === keyOf(fine))?.ResultCode, 'the other conversation').toBe(0);
  }
});

test(`mark: a From_Account that was never imported → ${ErrorCodes.ACCOUNT_NOT_IMPORTED}`, spec({ covers: [[ErrorCodes.ACCOUNT_NOT_IMPORTED, CMD.mark]] }), async ({ run, im }) => {
  const ops = new Ops(im, ghostName(run.settings.runId, 'mark'));
  expect(await ops.mark([{ OptType: 2, ContactItem: c2c(peerName(run.settings.runId, 'x')), CustomMark: 'x' }])).toHaveImError(ErrorCodes.ACCOUNT_NOT_IMPORTED);
});

test(`mark: malformed requests → ${ErrorCodes.INVALID_PARAMETER}`, spec({ covers: [[ErrorCodes.INVALID_PARAMETER, CMD.mark]] }), async ({ run, im, accounts }) => {
  const From_Account = await accounts.take();
  const ContactItem = c2c(peerName(run.settings.runId, 'x'));
  const cases: [string, unknown][] = [
    ['missing From_Account', { MarkItem: [{ OptType: 2, ContactItem, CustomMark: 'x' }] }],
    ['MarkItem is an object, not an array', { From_Account, MarkItem: { OptType: 2, ContactItem, CustomMark: 'x' } }],
    ['OptType 4', { From_Account, MarkItem: [{ OptType: 4, ContactItem, CustomMark: 'x' }] }],
    [`SetMark bit ${markBit.over}`, { From_Account, MarkItem: [{ OptType: 1, ContactItem, SetMark: [markBit.over] }] }],
    [`ClearMark bit ${(markBit.min ?? 0) - 1}`, { From_Account, MarkItem: [{ OptType: 1, ContactItem, ClearMark: [(markBit.min ?? 0) - 1] }] }],
    ['missing ContactItem', { From_Account, MarkItem: [{ OptType: 2, CustomMark: 'x' }] }],
    ['CustomMark is a number', { From_Account, MarkItem: [{ OptType: 2, ContactItem, CustomMark: 7 }] }],
  ];
  // Independent refusals sent together: against a distant target the test waits one round trip, not one per case.
  await Promise.all(
    cases.map(([what, body]) =>
      test.step(what, async () => {
        expect.soft(await im.call(CMD.mark, body, { validateRequest: false }), what).toHaveImError(ErrorCodes.INVALID_PARAMETER);
      }),
    ),
  );
});
