/** The doc-silent choices (EmulatorConfig.choices): each switch does what it says; bad values are refused clearly. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { ControlInputError, defaultConfig } from '../../src/emulator/index.ts';
import { limits } from '../../src/schema/index.ts';
import { c2c, CMD, createGroup, g2c, mark, peers, withEmulator, type Body } from './helpers.ts';

const bits = (peer: string, set: number[]) => ({ OptType: 1, ContactItem: c2c(peer), SetMark: set });
const found = async (h: { ok(c: string, b: unknown): Promise<Body> }, peer: string): Promise<Body> =>
  (await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c(peer)] })).ContactResultItem[0];
const HIGH_BIT = limits.maxMarkBit;

test('control API: choices patch validated with a clear message; defaults are the documented choices', async () => {
  const d = defaultConfig().choices;
  assert.equal(d.limiter, 'gcra');
  assert.equal(d.markBitOrder, 'lsb-right');
  assert.equal(d.conversationCap, 'total');
  assert.equal(d.duplicateGroupNameCode, ErrorCodes.INVALID_PARAMETER);
  await withEmulator({}, async (h) => {
    for (const [patch, message] of [
      [{ choices: { limiter: 'sliding' } }, /\/choices\/limiter must be equal to one of the allowed values/],
      [{ choices: { markBitOrder: 'msb' } }, /\/choices\/markBitOrder/],
      [{ choices: { firstGroupId: -1 } }, /\/choices\/firstGroupId must be >= 0/],
      [{ choices: { scope: { '51007': 'nowhere' } } }, /\/choices\/scope\/51007/],
      [{ choices: { scope: { abc: 'top-level' } } }, /\/choices\/scope/],
      [{ choices: { colour: 'red' } }, /\/choices must NOT have additional properties \(colour\)/],
      [{ faults: [{ command: '*', kind: 'close-ish', probability: 1 }] }, /\/faults\/0\/kind/],
    ] as const) {
      assert.throws(() => h.emu.control.patchConfig(patch), (e: Error) => e instanceof ControlInputError && message.test(e.message), JSON.stringify(patch));
    }
    const res = await fetch(`${h.emu.url}/_emulator/config`, { method: 'PATCH', body: JSON.stringify({ choices: { errorText: 'none' } }) });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(await res.json()), /\/choices\/errorText/);
    assert.equal(h.emu.control.patchConfig({ choices: { errorText: 'empty' } }).choices.errorText, 'empty');
    assert.equal(h.emu.control.config().choices.limiter, 'gcra', 'a patch merges');
  });
});

test('markBitOrder and markPadding: how StandardMark is written; the same bits either way', async () => {
  const cases = [
    [{}, '10', `1${'0'.repeat(HIGH_BIT)}`],
    [{ markBitOrder: 'lsb-left' }, '01', `${'0'.repeat(HIGH_BIT)}1`],
    [{ markPadding: 'pad-64' }, `${'0'.repeat(HIGH_BIT - 1)}10`, `1${'0'.repeat(HIGH_BIT)}`],
    [{ markBitOrder: 'lsb-left', markPadding: 'pad-64' }, `01${'0'.repeat(HIGH_BIT - 1)}`, `${'0'.repeat(HIGH_BIT)}1`],
  ] as const;
  for (const [choices, bit1, bit63] of cases) {
    await withEmulator({ config: { choices } }, async (h) => {
      await h.importUsers('u1');
      await h.ok(CMD.mark, mark('u1', [bits('a', [1]), bits('b', [HIGH_BIT])]));
      assert.equal((await found(h, 'a')).StandardMark, bit1, JSON.stringify(choices));
      assert.equal((await found(h, 'b')).StandardMark, bit63, JSON.stringify(choices));
      const page = await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 });
      assert.equal(page.ContactItem[0].StandardMark, bit1, 'get_contact_group writes it the same way');
    });
  }
});

test('firstGroupId: ids start there per user and count up', async () => {
  await withEmulator({ config: { choices: { firstGroupId: 1000 } } }, async (h) => {
    await h.importUsers('u1', 'u2');
    const id = async (user: string, name: string) => (await h.ok(CMD.create, createGroup(user, name))).GroupResultItem[0].GroupItem.GroupId;
    assert.deepEqual([await id('u1', 'a'), await id('u1', 'b'), await id('u2', 'a')], [1000, 1001, 1000]);
  });
});

test('emptyFields present: a conversation carries StandardMark, CustomMark and ContactGroupId even when empty', async () => {
  for (const emptyFields of ['omit', 'present'] as const) {
    await withEmulator({ config: { choices: { emptyFields } } }, async (h) => {
      await h.importUsers('u1');
      await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('a'), CustomMark: 'x' }]));
      const c = await found(h, 'a');
      if (emptyFields === 'omit') assert.deepEqual(Object.keys(c).sort(), ['CustomMark', 'Timestamp', 'To_Account', 'Type']);
      else assert.deepEqual([c.StandardMark, c.CustomMark, c.ContactGroupId], ['0', 'x', []]);
    });
  }
});

test('errorText and errorDisplay: failure texts empty; ErrorDisplay always or never', async () => {
  await withEmulator({ config: { choices: { errorText: 'empty', errorDisplay: 'always' } } }, async (h) => {
    await h.importUsers('u1');
    const failed = await h.code(CMD.get, { From_Account: 'ghost', StartIndex: 0 }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    assert.equal(failed.ErrorInfo, '');
    assert.equal(failed.ErrorDisplay, '', 'get_contact_group samples have no ErrorDisplay; always adds it');
    const gid = await h.imGroup();
    await h.ok(CMD.destroyGroup, { GroupId: gid });
    const item = (await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: g2c(gid), CustomMark: 'x' }]))).ResultItem[0];
    assert.deepEqual([item.ResultCode, item.ResultInfo], [ErrorCodes.GROUP_ID_CONVERSION_FAILED, '']);
  });
  await withEmulator({ config: { choices: { errorDisplay: 'never' } } }, async (h) => {
    await h.importUsers('u1');
    const r = await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('a'), CustomMark: 'x' }]));
    assert.equal('ErrorDisplay' in r, false);
    const failed = await h.code(CMD.get, { From_Account: 'ghost', StartIndex: 0 }, ErrorCodes.ACCOUNT_NOT_IMPORTED);
    assert.notEqual(failed.ErrorInfo, '', 'the default errorText is a message');
  });
});

test('choice codes: duplicate group name, CustomMark too long and search too many answer the configured codes', async () => {
  const code = ErrorCodes.CONTACT_GROUP_NAME_INVALID;
  const choices = { duplicateGroupNameCode: code, customMarkTooLongCode: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE, searchTooManyCode: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE };
  await withEmulator({ config: { choices } }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', 'g'));
    await h.code(CMD.create, createGroup('u1', 'g'), code);
    await h.ok(CMD.create, createGroup('u1', 'h'));
    await h.code(CMD.update, { From_Account: 'u1', UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'h', NewGroupName: 'g' } }, code);
    await h.code(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('a'), CustomMark: 'x'.repeat(limits.maxCustomMarkBytes + 1) }]), choices.customMarkTooLongCode);
    await h.code(CMD.search, { From_Account: 'u1', ContactItem: peers(limits.maxSearchItems + 1).map(c2c) }, choices.searchTooManyCode);
  });
});
