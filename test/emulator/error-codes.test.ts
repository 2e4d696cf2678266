/**
 * Every code of schemas/errors.json the emulator can produce, each triggered once, at its documented scope
 * (top-level ErrorCode or per-item ResultCode), in a strictly schema-valid response.
 *
 * Not produced: PINNED_LIMIT_EXCEEDED ("exceeds the limit on the number of pinned conversations"). It is in
 * the family's shared error table, but none of the emulated commands pins conversations (pinning is a
 * different API), so no request to them can exceed a pin limit. errors.json lists it with no commands.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes, errorTable, lookupError, type ErrorName } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { c2c, CMD, createGroup, g2c, mark, peers, rename, withEmulator, type Body, type Harness } from './helpers.ts';

const get = { From_Account: 'u1', StartIndex: 0 };
const top = (b: Body): number[] => [b.ErrorCode];
const items = (b: Body): number[] => (b.ResultItem ?? b.GroupResultItem?.[0]?.ResultItem ?? b.UpdateGroupResult?.ContactResultItem ?? []).map((i: Body) => i.ResultCode);
const error = (h: Harness, code: number) => h.emu.control.patchConfig({ faults: [{ command: '*', kind: 'error', probability: 1, code }] });

const triggers: Partial<Record<ErrorName, (h: Harness) => Promise<number[]>>> = {
  OK: async (h) => top(await h.call(CMD.get, get)),
  ACCOUNT_NOT_IMPORTED: async (h) => top(await h.call(CMD.get, { From_Account: 'ghost', StartIndex: 0 })),
  INVALID_PARAMETER: async (h) => top(await h.call(CMD.get, { From_Account: 'u1' })),
  ADMIN_REQUIRED: async (h) => {
    h.emu.control.patchConfig({ nonAdminCode: ErrorCodes.ADMIN_REQUIRED });
    return top(await h.call(CMD.get, get, { query: { identifier: 'u1', usersig: h.sig('u1') } }));
  },
  INTERNAL_ERROR: async (h) => (error(h, ErrorCodes.INTERNAL_ERROR), top(await h.call(CMD.get, get))),
  NETWORK_TIMEOUT: async (h) => (error(h, ErrorCodes.NETWORK_TIMEOUT), top(await h.call(CMD.get, get))),
  MARK_ITEM_COUNT_OUT_OF_RANGE: async (h) => top(await h.call(CMD.mark, mark('u1', []))),
  GROUP_ID_CONVERSION_FAILED: async (h) => items(await h.call(CMD.mark, mark('u1', [{ OptType: 2, ContactItem: g2c('@TGS#gone'), CustomMark: 'x' }]))),
  CONVERSATION_LIMIT_EXCEEDED: async (h) => {
    h.emu.control.patchConfig({ limits: { maxConversationsWithData: 1 } });
    return items(await h.call(CMD.mark, mark('u1', peers(2).map((p) => ({ OptType: 2, ContactItem: c2c(p), CustomMark: 'x' })))));
  },
  CONTACT_GROUP_NOT_FOUND: async (h) => top(await h.call(CMD.del, { From_Account: 'u1', GroupName: ['nope'] })),
  CONTACT_GROUP_LIMIT_EXCEEDED: async (h) => {
    for (let i = 0; i < limits.maxGroupsPerUser; i++) await h.ok(CMD.create, createGroup('u1', `g${i}`));
    return top(await h.call(CMD.create, createGroup('u1', 'last')));
  },
  CONTACT_GROUP_NAME_INVALID: async (h) => top(await h.call(CMD.create, createGroup('u1', 'n'.repeat(limits.maxGroupNameBytes + 1)))),
  EDITION_NOT_SUPPORTED: async (h) => (h.emu.control.patchConfig({ edition: 'standard' }), top(await h.call(CMD.update, rename('u1', 'a', 'b')))),
  HTTP_PARSE_ERROR: async (h) => top(await h.call(CMD.get, get, { query: { random: 'x' } })),
  JSON_PARSE_ERROR: async (h) => top(await h.call(CMD.get, null, { rawBody: '{' })),
  INVALID_SDKAPPID: async (h) => top(await h.call(CMD.get, get, { query: { sdkappid: '1' } })),
  API_RATE_LIMITED: async (h) => {
    h.emu.control.patchConfig({ throttle: { enabled: true, perSecond: 1, burst: 0 } });
    await h.call(CMD.get, get);
    return top(await h.call(CMD.get, get));
  },
  RESOURCE_NOT_FOUND: async (h) => {
    const r = await fetch(`${h.emu.url}/v4/recentcontact/unknown_command`, { method: 'POST', body: '{}' });
    return top((await r.json()) as Body);
  },
  ADMIN_PERMISSION_REQUIRED: async (h) => top(await h.call(CMD.get, get, { query: { identifier: 'u1', usersig: h.sig('u1') } })),
  SDKAPPID_RATE_LIMITED: async (h) => {
    h.emu.control.patchConfig({ throttle: { enabled: true, appWidePerSecond: 1, burst: 0 } });
    await h.call(CMD.get, get);
    return top(await h.call(CMD.search, { From_Account: 'u1', ContactItem: [c2c('p')] }));
  },
  SDKAPPID_MISSING: async (h) => top(await h.call(CMD.get, get, { query: { sdkappid: null } })),
  SDKAPPID_DISABLED: async (h) => (h.emu.control.patchConfig({ disabled: true }), top(await h.call(CMD.get, get))),
  TOO_MANY_REQUESTS: async (h) => (error(h, ErrorCodes.TOO_MANY_REQUESTS), top(await h.call(CMD.get, get))),
  TOO_MANY_REQUESTS_RETRY: async (h) => (error(h, ErrorCodes.TOO_MANY_REQUESTS_RETRY), top(await h.call(CMD.get, get))),
  USERSIG_EXPIRED: async (h) => top(await h.call(CMD.get, get, { query: { usersig: h.sig(h.emu.admin, { now: 1_000_000, expireSeconds: 60 }) } })),
  USERSIG_EMPTY: async (h) => top(await h.call(CMD.get, get, { query: { usersig: '' } })),
  USERSIG_INVALID: async (h) => top(await h.call(CMD.get, get, { query: { usersig: 'garbage' } })),
  USERSIG_VERIFY_FAILED: async (h) => top(await h.call(CMD.get, get, { query: { usersig: h.sig(h.emu.admin, { key: 'other-key' }) } })),
  USERSIG_IDENTIFIER_MISMATCH: async (h) => top(await h.call(CMD.get, get, { query: { identifier: 'u1' } })),
  USERSIG_SDKAPPID_MISMATCH: async (h) => top(await h.call(CMD.get, get, { query: { usersig: h.sig(h.emu.admin, { sdkappid: 1 }) } })),
  ACCOUNT_INVALID_PARAMETER: async (h) => top(await h.call(CMD.accountImport, { UserID: '' })),
  ACCOUNT_NOT_FOUND: async (h) => items(await h.call(CMD.accountDelete, { DeleteItem: [{ UserID: 'ghost' }] })),
  GROUP_INVALID_PARAMETER: async (h) => top(await h.call(CMD.createGroup, { Type: 'Party', Name: 'x' })),
  GROUP_NOT_FOUND: async (h) => top(await h.call(CMD.destroyGroup, { GroupId: 'nope' })),
  GROUP_ID_IN_USE: async (h) => {
    await h.imGroup('mine');
    return top(await h.call(CMD.createGroup, { Type: 'Public', Name: 'x', GroupId: 'mine' }));
  },
};

test('the trigger table covers every code of the error table except PINNED_LIMIT_EXCEEDED', () => {
  const expected = errorTable.map((e) => e.name).filter((n) => n !== 'PINNED_LIMIT_EXCEEDED').sort();
  assert.deepEqual(Object.keys(triggers).sort(), expected);
});

for (const [name, trigger] of Object.entries(triggers)) {
  const code = ErrorCodes[name as ErrorName];
  const scope = lookupError(code)?.scope;
  test(`${code} ${name} (${scope})`, async () => {
    await withEmulator({}, async (h) => {
      await h.importUsers('u1');
      const codes = await trigger(h);
      if (scope === 'per-item') assert.ok(codes.includes(code), `per-item codes ${JSON.stringify(codes)}`);
      else assert.deepEqual(codes, [code]);
    });
  });
}
