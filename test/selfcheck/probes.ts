/**
 * One probe per catalogue variant: a scenario whose observation differs between the correct emulator
 * and the variant, with both expected observations written out (the specific difference).
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import type { DeepPartial, EmulatorConfig } from '../../src/emulator/index.ts';
import { limits } from '../../src/schema/index.ts';
import { burstCodes, bytes, c2c, CMD, createGroup, customMarks, importUsers, mark, pacedThrottled, peers, searchOne, type Body, type Probe } from './probe-harness.ts';

export interface VariantProbe {
  /** What the probe does, for the test name. */
  scenario: string;
  config?: DeepPartial<EmulatorConfig>;
  run(p: Probe): Promise<unknown>;
  correct: unknown;
  variant: unknown;
}

const U = 'u1';
const THROTTLE_ON: DeepPartial<EmulatorConfig> = { throttle: { enabled: true } };

const code = async (p: Probe, command: string, body: unknown): Promise<number> => (await p.call(command, body)).ErrorCode as number;
const envelope = (b: Body): [string, number] => [b.ActionStatus as string, b.ErrorCode as number];
const getPage = (p: Probe, start = 0) => p.call(CMD.get, { From_Account: U, StartIndex: start });
const rename = (oldName: string, newName: string) => ({ From_Account: U, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: oldName, NewGroupName: newName } });

/** Creates `n` groups and returns the code of the next create. */
async function groupAfter(p: Probe, n: number): Promise<number> {
  for (let i = 0; i < n; i++) await p.call(CMD.create, createGroup(U, `g${i}`));
  return code(p, CMD.create, createGroup(U, 'one-too-many'));
}

/** Sets SetMark on peer `p`, optionally clears, returns the StandardMark found. */
async function standardMark(p: Probe, set: number[], clear?: number[]): Promise<unknown> {
  await p.call(CMD.mark, mark(U, [{ OptType: 1, ContactItem: c2c('p'), SetMark: set }]));
  if (clear) await p.call(CMD.mark, mark(U, [{ OptType: 1, ContactItem: c2c('p'), ClearMark: clear }]));
  return (await searchOne(p, U, 'p'))?.StandardMark;
}

/** get_contact_group signed with `usersig` (as `identifier`, default the admin); its ErrorCode. */
const getWithSig = async (p: Probe, usersig: string, identifier?: string): Promise<number> =>
  (await p.call(CMD.get, { From_Account: U, StartIndex: 0 }, { query: { usersig, ...(identifier ? { identifier } : {}) } })).ErrorCode as number;

export const PROBES: Record<string, VariantProbe> = {
  'group-limit-21': { scenario: 'create a 21st group', run: (p) => groupAfter(p, limits.maxGroupsPerUser), correct: ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED, variant: ErrorCodes.OK },
  'mark-items-limit-101': {
    scenario: 'mark_contact with 101 items',
    run: (p) => code(p, CMD.mark, customMarks(U, peers(limits.maxMarkItems + 1))),
    correct: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE,
    variant: ErrorCodes.OK,
  },
  'group-name-limit-33': { scenario: 'create a group with a 33-byte name', run: (p) => code(p, CMD.create, createGroup(U, bytes(33))), correct: ErrorCodes.CONTACT_GROUP_NAME_INVALID, variant: ErrorCodes.OK },
  'rename-name-limit-33': {
    scenario: 'rename a group to a 33-byte name',
    run: async (p) => {
      await p.call(CMD.create, createGroup(U, 'g'));
      return code(p, CMD.update, rename('g', bytes(33)));
    },
    correct: ErrorCodes.CONTACT_GROUP_NAME_INVALID,
    variant: ErrorCodes.OK,
  },
  'names-counted-in-chars': { scenario: 'create a group named with 11 three-byte characters (33 bytes)', run: (p) => code(p, CMD.create, createGroup(U, '한'.repeat(11))), correct: ErrorCodes.CONTACT_GROUP_NAME_INVALID, variant: ErrorCodes.OK },
  'search-items-limit-301': {
    scenario: 'search 301 conversations',
    run: (p) => code(p, CMD.search, { From_Account: U, ContactItem: peers(limits.maxSearchItems + 1).map(c2c) }),
    correct: ErrorCodes.INVALID_PARAMETER,
    variant: ErrorCodes.OK,
  },
  'conversation-limit-1001': {
    scenario: 'mark 1001 conversations; per-item code of the last',
    run: async (p) => {
      const all = peers(limits.maxConversationsWithData + 1);
      let last: Body = {};
      for (let i = 0; i < all.length; i += limits.maxMarkItems) last = await p.call(CMD.mark, customMarks(U, all.slice(i, i + limits.maxMarkItems)));
      return (last.ResultItem as Body[]).at(-1)?.ResultCode;
    },
    correct: ErrorCodes.CONVERSATION_LIMIT_EXCEEDED,
    variant: ErrorCodes.OK,
  },
  'custom-mark-limit-257': {
    scenario: 'mark a 257-byte CustomMark',
    run: (p) => code(p, CMD.mark, mark(U, [{ OptType: 2, ContactItem: c2c('p'), CustomMark: bytes(limits.maxCustomMarkBytes + 1) }])),
    correct: ErrorCodes.INVALID_PARAMETER,
    variant: ErrorCodes.OK,
  },
  'group-limit-code-as-name-code': { scenario: 'create a 21st group', run: (p) => groupAfter(p, limits.maxGroupsPerUser), correct: ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED, variant: ErrorCodes.CONTACT_GROUP_NAME_INVALID },
  'group-not-found-as-invalid-parameter': { scenario: 'delete a group that does not exist', run: (p) => code(p, CMD.del, { From_Account: U, GroupName: ['nope'] }), correct: ErrorCodes.CONTACT_GROUP_NOT_FOUND, variant: ErrorCodes.INVALID_PARAMETER },
  'mark-count-as-invalid-parameter': { scenario: 'mark_contact with 101 items', run: (p) => code(p, CMD.mark, customMarks(U, peers(limits.maxMarkItems + 1))), correct: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE, variant: ErrorCodes.INVALID_PARAMETER },
  'expired-usersig-as-invalid': { scenario: 'call with an expired UserSig', run: (p) => getWithSig(p, p.sig(p.emu.admin, { now: 1_000_000, expireSeconds: 60 })), correct: ErrorCodes.USERSIG_EXPIRED, variant: ErrorCodes.USERSIG_INVALID },
  'dismissed-group-mark-reported-ok': {
    scenario: 'mark a group conversation whose IM group does not exist; per-item code',
    run: async (p) => (await p.call(CMD.mark, mark(U, [{ OptType: 2, ContactItem: { Type: 2, ToGroupId: 'no-such-im-group' }, CustomMark: 'x' }]))).ResultItem[0].ResultCode,
    correct: ErrorCodes.GROUP_ID_CONVERSION_FAILED,
    variant: ErrorCodes.OK,
  },
  'mark-success-as-fail': { scenario: 'a valid mark_contact; [ActionStatus, ErrorCode]', run: async (p) => envelope(await p.call(CMD.mark, customMarks(U, ['p']))), correct: ['OK', ErrorCodes.OK], variant: ['FAIL', ErrorCodes.OK] },
  'create-success-as-internal-error': {
    scenario: 'a valid create; [ErrorCode, groups listed afterwards]',
    run: async (p) => [await code(p, CMD.create, createGroup(U, 'g')), (await getPage(p)).GroupItem.length],
    correct: [ErrorCodes.OK, 1],
    variant: [ErrorCodes.INTERNAL_ERROR, 1],
  },
  'name-invalid-reported-ok': { scenario: 'create with a 33-byte name; [ActionStatus, ErrorCode]', run: async (p) => envelope(await p.call(CMD.create, createGroup(U, bytes(33)))), correct: ['FAIL', ErrorCodes.CONTACT_GROUP_NAME_INVALID], variant: ['OK', ErrorCodes.CONTACT_GROUP_NAME_INVALID] },
  'contact-timestamp-missing': {
    scenario: 'get_contact_group; type of ContactItem[0].Timestamp',
    run: async (p) => {
      await p.call(CMD.mark, customMarks(U, ['p']));
      return typeof (await getPage(p)).ContactItem[0].Timestamp;
    },
    correct: 'number',
    variant: 'undefined',
  },
  'next-start-index-missing': { scenario: 'get_contact_group; has NextStartIndex', run: async (p) => 'NextStartIndex' in (await getPage(p)), correct: true, variant: false },
  'get-group-item-missing': {
    scenario: 'get_contact_group after creating g; GroupItem names',
    run: async (p) => {
      await p.call(CMD.create, createGroup(U, 'g'));
      return (await getPage(p)).GroupItem?.map((g: Body) => g.GroupName) ?? null;
    },
    correct: ['g'],
    variant: null,
  },
  'group-id-as-string': { scenario: 'create; type of GroupId', run: async (p) => typeof (await p.call(CMD.create, createGroup(U, 'g'))).GroupResultItem[0].GroupItem.GroupId, correct: 'number', variant: 'string' },
  'timestamp-as-string': {
    scenario: 'search_contact_group; type of Timestamp',
    run: async (p) => {
      await p.call(CMD.mark, customMarks(U, ['p']));
      return typeof (await searchOne(p, U, 'p'))?.Timestamp;
    },
    correct: 'number',
    variant: 'string',
  },
  'start-index-ignored': {
    scenario: 'page size 2, 3 conversations, StartIndex 2; peers on the page',
    config: { pageSize: 2 },
    run: async (p) => {
      await p.call(CMD.mark, customMarks(U, peers(3)));
      return (await getPage(p, 2)).ContactItem.map((c: Body) => c.To_Account);
    },
    correct: ['p2'],
    variant: ['p0', 'p1'],
  },
  'complete-flag-always-1': {
    scenario: 'page size 2, 3 conversations; CompleteFlag of the first page',
    config: { pageSize: 2 },
    run: async (p) => {
      await p.call(CMD.mark, customMarks(U, peers(3)));
      return (await getPage(p)).CompleteFlag;
    },
    correct: 0,
    variant: 1,
  },
  'complete-flag-always-0': {
    scenario: 'one conversation; CompleteFlag of the only page',
    run: async (p) => {
      await p.call(CMD.mark, customMarks(U, ['p']));
      return (await getPage(p)).CompleteFlag;
    },
    correct: 1,
    variant: 0,
  },
  'clear-mark-ignored': { scenario: 'set bits 0 and 1, clear bit 0; StandardMark', run: (p) => standardMark(p, [0, 1], [0]), correct: '10', variant: '11' },
  'mark-bit-off-by-one': { scenario: 'set bit 0; StandardMark', run: (p) => standardMark(p, [0]), correct: '1', variant: '10' },
  'custom-mark-truncated': {
    scenario: 'mark a 256-byte CustomMark; stored length',
    run: async (p) => {
      await p.call(CMD.mark, mark(U, [{ OptType: 2, ContactItem: c2c('p'), CustomMark: bytes(limits.maxCustomMarkBytes) }]));
      return (await searchOne(p, U, 'p'))?.CustomMark?.length;
    },
    correct: limits.maxCustomMarkBytes,
    variant: limits.maxCustomMarkBytes - 1,
  },
  'deleted-group-still-listed': {
    scenario: 'create g, delete g; GroupItem names',
    run: async (p) => {
      await p.call(CMD.create, createGroup(U, 'g'));
      await p.call(CMD.del, { From_Account: U, GroupName: ['g'] });
      return (await getPage(p)).GroupItem.map((g: Body) => g.GroupName);
    },
    correct: [],
    variant: ['g'],
  },
  'deleted-group-id-kept': {
    scenario: 'create g with conversation p, delete g; ContactGroupId of p',
    run: async (p) => {
      await p.call(CMD.create, createGroup(U, 'g', [c2c('p')]));
      await p.call(CMD.del, { From_Account: U, GroupName: ['g'] });
      return (await searchOne(p, U, 'p'))?.ContactGroupId ?? null;
    },
    correct: null,
    variant: [1],
  },
  'expired-usersig-accepted': { scenario: 'call with an expired UserSig', run: (p) => getWithSig(p, p.sig(p.emu.admin, { now: 1_000_000, expireSeconds: 60 })), correct: ErrorCodes.USERSIG_EXPIRED, variant: ErrorCodes.OK },
  'wrong-key-usersig-accepted': { scenario: 'call with a UserSig signed by a wrong key', run: (p) => getWithSig(p, p.sig(p.emu.admin, { key: 'not-the-key' })), correct: ErrorCodes.USERSIG_VERIFY_FAILED, variant: ErrorCodes.OK },
  'non-admin-accepted': { scenario: 'call as a non-admin identifier with its own valid UserSig', run: (p) => getWithSig(p, p.sig(U), U), correct: ErrorCodes.ADMIN_PERMISSION_REQUIRED, variant: ErrorCodes.OK },
  'rate-limit-off': { scenario: '60 calls at once; distinct codes', config: THROTTLE_ON, run: (p) => burstCodes(p, 60), correct: [ErrorCodes.OK, ErrorCodes.API_RATE_LIMITED], variant: [ErrorCodes.OK] },
  'rate-limit-100': {
    scenario: 'calls paced at 150/s for 1.5 s; at least 20 throttled',
    config: THROTTLE_ON,
    run: async (p) => (await pacedThrottled(p, 150, 1.5, ErrorCodes.API_RATE_LIMITED)) >= 20,
    correct: false,
    variant: true,
  },
  'throttle-code-as-internal-error': {
    scenario: '60 calls at once; distinct codes',
    config: THROTTLE_ON,
    run: (p) => burstCodes(p, 60),
    correct: [ErrorCodes.OK, ErrorCodes.API_RATE_LIMITED],
    variant: [ErrorCodes.OK, ErrorCodes.INTERNAL_ERROR],
  },
};

/** Every probe starts from an emulator with account u1 imported. */
export async function runProbe(p: Probe, probe: VariantProbe): Promise<unknown> {
  await importUsers(p, U);
  return probe.run(p);
}
