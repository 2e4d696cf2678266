/** Mutation-variant hooks: config, quirks, transformRequest, transformResponse — each proven to change behaviour. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import type { EmulatorVariant, Quirks } from '../../src/emulator/types.ts';
import { variantByName, variants } from '../../src/emulator/variants/index.ts';
import { c2c, CMD, createGroup, mark, nameOfBytes, peers, withEmulator, type Harness } from './helpers.ts';

const byName = (name: string): EmulatorVariant => {
  const v = variantByName(name);
  assert.ok(v, name);
  return v;
};

test('example variants have unique names and descriptions', () => {
  assert.equal(new Set(variants.map((v) => v.name)).size, variants.length);
  assert.ok(variants.length >= 3 && variants.every((v) => v.description.length > 10));
});

test('names-counted-in-chars (quirk): a 33-byte name of 3-byte characters is accepted', async () => {
  const name = nameOfBytes(limits.maxGroupNameBytes + 1, '한');
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.code(CMD.create, createGroup('u1', name), ErrorCodes.CONTACT_GROUP_NAME_INVALID);
  });
  await withEmulator({ variant: byName('names-counted-in-chars') }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.create, createGroup('u1', name));
  });
});

test('group-limit-21 (config): the 21st group is created', async () => {
  await withEmulator({ variant: byName('group-limit-21') }, async (h) => {
    await h.importUsers('u1');
    for (let i = 0; i <= limits.maxGroupsPerUser; i++) await h.ok(CMD.create, createGroup('u1', `g${i}`));
    await h.code(CMD.create, createGroup('u1', 'g-last'), ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED);
    assert.equal(h.emu.control.config().limits.maxGroupsPerUser, limits.maxGroupsPerUser + 1);
  });
});

test('contact-timestamp-missing (transformResponse): get_contact_group answers fail the strict schema', async () => {
  await withEmulator({ variant: byName('contact-timestamp-missing') }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('p'), CustomMark: 'x' }]));
    const r = await h.client.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { retry: false });
    assert.equal(r.validation.ok, false);
    assert.ok(r.validation.errors.some((e) => e.path === '/ContactItem/0' && /Timestamp/.test(e.message)));
    await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] });
  });
});

test('transformRequest sees the parsed body before the handler', async () => {
  const seen: string[] = [];
  const variant: EmulatorVariant = {
    name: 'set-mark-dropped',
    description: 'drops SetMark from every mark item',
    transformRequest(command, body) {
      seen.push(command);
      if (command !== CMD.mark) return body;
      return { ...body, MarkItem: body.MarkItem.map(({ SetMark: _s, ...rest }: Record<string, unknown>) => rest) };
    },
  };
  await withEmulator({ variant }, async (h) => {
    await h.importUsers('u1');
    await h.ok(CMD.mark, mark('u1', [{ OptType: 3, ContactItem: c2c('p'), SetMark: [1], CustomMark: 'x' }]));
    const c = (await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] })).ContactResultItem[0];
    assert.equal(c.StandardMark, undefined);
    assert.equal(c.CustomMark, 'x');
    assert.deepEqual(seen, [CMD.multiImport, CMD.mark, CMD.search]);
  });
});

/** Each quirk: a scenario whose answer differs between the correct emulator and the quirk. */
const quirkCases: { quirks: Partial<Quirks>; run: (h: Harness) => Promise<unknown> }[] = [
  { quirks: { acceptExpiredUserSig: true }, run: (h) => h.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { query: { usersig: h.sig(h.emu.admin, { now: 1_000_000, expireSeconds: 60 }) } }).then((b) => b.ErrorCode) },
  { quirks: { acceptWrongKeyUserSig: true }, run: (h) => h.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { query: { usersig: h.sig(h.emu.admin, { key: 'wrong' }) } }).then((b) => b.ErrorCode) },
  { quirks: { acceptNonAdmin: true }, run: (h) => h.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { query: { identifier: 'u1', usersig: h.sig('u1') } }).then((b) => b.ErrorCode) },
  {
    quirks: { keepGroupIdsOnDelete: true },
    run: async (h) => {
      await h.ok(CMD.create, createGroup('u1', 'g', [c2c('p')]));
      await h.ok(CMD.del, { From_Account: 'u1', GroupName: ['g'] });
      return (await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] })).ContactResultItem[0]?.ContactGroupId;
    },
  },
  {
    quirks: { ignoreStartIndex: true },
    run: async (h) => {
      await h.ok(CMD.mark, mark('u1', peers(3).map((p) => ({ OptType: 2, ContactItem: c2c(p), CustomMark: 'x' }))));
      return (await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 2 })).ContactItem.length;
    },
  },
  {
    quirks: { ignoreClearMark: true },
    run: async (h) => {
      await h.ok(CMD.mark, mark('u1', [{ OptType: 1, ContactItem: c2c('p'), SetMark: [0, 1] }]));
      await h.ok(CMD.mark, mark('u1', [{ OptType: 1, ContactItem: c2c('p'), ClearMark: [0] }]));
      return (await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] })).ContactResultItem[0]?.StandardMark;
    },
  },
  {
    quirks: { markBitOffset: 1 },
    run: async (h) => {
      await h.ok(CMD.mark, mark('u1', [{ OptType: 1, ContactItem: c2c('p'), SetMark: [0] }]));
      return (await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] })).ContactResultItem[0]?.StandardMark;
    },
  },
  {
    quirks: { customMarkTruncateBytes: 3 },
    run: async (h) => {
      await h.ok(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: c2c('p'), CustomMark: 'abcdef' }]));
      return (await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] })).ContactResultItem[0]?.CustomMark;
    },
  },
  {
    quirks: { codeRemap: { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: ErrorCodes.INVALID_PARAMETER, [ErrorCodes.GROUP_ID_CONVERSION_FAILED]: ErrorCodes.INTERNAL_ERROR } },
    run: async (h) => {
      const top = await h.call(CMD.del, { From_Account: 'u1', GroupName: ['nope'] });
      const item = await h.call(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: { Type: 2, ToGroupId: 'nope' }, CustomMark: 'x' }]));
      return [top.ErrorCode, item.ResultItem[0].ResultCode];
    },
  },
  {
    quirks: { deleteDoesNotDelete: true },
    run: async (h) => {
      await h.ok(CMD.create, createGroup('u1', 'g'));
      await h.ok(CMD.del, { From_Account: 'u1', GroupName: ['g'] });
      return (await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 })).GroupItem.length;
    },
  },
  { quirks: { nameLengthUnit: 'chars' }, run: (h) => h.call(CMD.update, { From_Account: 'u1', UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'x', NewGroupName: '😀'.repeat(9) } }).then((b) => b.ErrorCode) },
];

for (const { quirks, run } of quirkCases) {
  test(`quirk ${Object.keys(quirks).join(',')} changes the answer`, async () => {
    const answer = async (variant?: EmulatorVariant) => {
      let out: unknown;
      await withEmulator(variant ? { variant, config: { pageSize: 2 } } : { config: { pageSize: 2 } }, async (h) => {
        await h.importUsers('u1');
        await h.ok(CMD.create, createGroup('u1', 'x'));
        out = await run(h);
      });
      return out;
    };
    const correct = await answer();
    const quirky = await answer({ name: 'q', description: 'quirk under test', quirks });
    assert.notDeepEqual(quirky, correct, `${JSON.stringify(quirks)}: both answered ${JSON.stringify(correct)}`);
  });
}
