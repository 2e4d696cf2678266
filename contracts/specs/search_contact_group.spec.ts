/** v4/recentcontact/search_contact_group: data of given conversations, the item limit (limit / limit + 1), 50001, 50002. */
import { ErrorCodes } from '../../src/errors/index.ts';
import { choices, rules } from '../../src/rules/index.ts';
import { describeKnob, loadExpectations } from '../expectations.ts';
import { choice, choiceWhat } from '../support/choice.ts';
import { CMD, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { c2c, g2c, keyOf } from '../support/items.ts';
import { expect } from '../support/matchers.ts';
import { ghostName, groupName, peerName } from '../support/names.ts';
import { freshOwner, Ops } from '../support/ops.ts';
import { range } from '../support/util.ts';

const expectations = loadExpectations();
/** The search rule (schemas/limits.json): its code is a doc-silent choice, so the test expects `expectations.searchTooMany`. */
const searchItems = rules.maxSearchItems;

test('search: returns the data of the given conversations and omits those without data', spec({ covers: [[ErrorCodes.OK, CMD.search]] }), async ({ run, im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const [a, b, none] = ['s1', 's2', 's3'].map((k) => c2c(peerName(run.settings.runId, k))) as [ReturnType<typeof c2c>, ReturnType<typeof c2c>, ReturnType<typeof c2c>];
  const g = g2c(run.state.liveGroups[0] as string);
  const used = groupName(run.settings.runId, 'used');
  const id = await ops.mustCreate(used, [a, g]);
  await ops.mustCreate(groupName(run.settings.runId, 'unused'));
  expect(await ops.mark([{ OptType: 2, ContactItem: b, CustomMark: 'b-mark' }])).toBeImOk();

  const found = await ops.mustSearch([a, b, none, g]);
  const items = found.ContactResultItem ?? [];
  expect(items.map(keyOf).sort()).toEqual([a, b, g].map(keyOf).sort());
  expect(items.find((i) => keyOf(i) === keyOf(a))?.ContactGroupId).toEqual([id]);
  expect(items.find((i) => keyOf(i) === keyOf(g))?.ContactGroupId).toEqual([id]);
  expect(items.find((i) => keyOf(i) === keyOf(b))?.CustomMark).toBe('b-mark');
  for (const i of items) expect(i.Timestamp, `${keyOf(i)} Timestamp`).toBeGreaterThan(0);
  await choice(run, 'search lists only the groups its conversations refer to', () => expect(found.GroupItem).toEqual([{ GroupName: used, GroupId: id }]));
  const emptyFields = run.expectations.form.emptyFields;
  await choice(run, `empty fields are ${emptyFields === 'omit' ? 'omitted' : 'present'} (CustomMark / StandardMark without a value; ${choices.emptyFields.env})`, () => {
    const onlyGroup = items.find((i) => keyOf(i) === keyOf(a));
    const keys = Object.keys(onlyGroup ?? {}).sort();
    if (emptyFields === 'omit') expect(keys).toEqual(['ContactGroupId', 'Timestamp', 'To_Account', 'Type']);
    else expect(keys).toEqual(expect.arrayContaining(['CustomMark', 'StandardMark']));
  });
});

test(
  `search: ${searchItems.limit} conversations are accepted, ${searchItems.over} → ${describeKnob(expectations, 'searchTooMany')}`,
  spec({ covers: [[ErrorCodes.OK, CMD.search], [expectations.searchTooMany, CMD.search]] }),
  async ({ run, im, accounts }) => {
    const ops = await freshOwner(im, accounts);
    const marked = c2c(peerName(run.settings.runId, 'q0'));
    expect(await ops.mark([{ OptType: 2, ContactItem: marked, CustomMark: 'q' }])).toBeImOk();
    const many = range(searchItems.over).map((k) => c2c(peerName(run.settings.runId, `q${k}`)));
    const res = await ops.search(many.slice(0, searchItems.limit));
    expect(res).toBeImOk();
    expect((res.body?.ContactResultItem ?? []).map(keyOf)).toEqual([keyOf(marked)]);
    expect(await ops.search(many, { validateRequest: false })).toHaveImError(expectations.searchTooMany, { choice: choiceWhat('searchTooMany') });
  },
);

test(`search: a From_Account that was never imported → ${ErrorCodes.ACCOUNT_NOT_IMPORTED}`, spec({ covers: [[ErrorCodes.ACCOUNT_NOT_IMPORTED, CMD.search]] }), async ({ run, im }) => {
  const ops = new Ops(im, ghostName(run.settings.runId, 'search'));
  expect(await ops.search([c2c(peerName(run.settings.runId, 'x'))])).toHaveImError(ErrorCodes.ACCOUNT_NOT_IMPORTED);
});

test(`search: malformed requests → ${ErrorCodes.INVALID_PARAMETER}`, spec({ covers: [[ErrorCodes.INVALID_PARAMETER, CMD.search]] }), async ({ run, im, accounts }) => {
  const From_Account = await accounts.take();
  const peer = c2c(peerName(run.settings.runId, 'x'));
  const cases: [string, unknown][] = [
    ['missing From_Account', { ContactItem: [peer] }],
    ['missing ContactItem', { From_Account }],

    ['ContactItem is an object, not an array', { From_Account, ContactItem: peer }],
    ['conversation Type as a string', { From_Account, ContactItem: [{ ...peer, Type: '1' }] }],
    ['G2C conversation without ToGroupId', { From_Account, ContactItem: [{ Type: 2 }] }],
  ];
  // Independent refusals sent together: against a distant target the test waits one round trip, not one per case.
  await Promise.all(
    cases.map(([what, body]) =>
      test.step(what, async () => {
        expect.soft(await im.call(CMD.search, body, { validateRequest: false }), what).toHaveImError(ErrorCodes.INVALID_PARAMETER);
      }),
    ),
  );
  // no conversation at all is outside the documented 1..300 like 301 is: the same doc-silent code
  await test.step('an empty ContactItem array', async () => {
    const res = await im.call(CMD.search, { From_Account, ContactItem: [] }, { validateRequest: false });
    expect.soft(res, 'an empty ContactItem array').toHaveImError(expectations.searchTooMany, { choice: `no conversations: ${choiceWhat('searchTooMany')}` });
  });
});
