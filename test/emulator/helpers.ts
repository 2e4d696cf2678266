/** Shared helpers of the emulator tests: start an emulator, call it with the project's client, assert envelopes. */
import assert from 'node:assert/strict';
import { ImClient, type CallOptions, type CallResult, type Envelope } from '../../src/client/index.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { validateResponse } from '../../src/schema/index.ts';
import { genUserSig } from '../../src/usersig/index.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import type { EmulatorOptions } from '../../src/emulator/types.ts';
import { deepMerge } from '../../src/emulator/config.ts';

export type Body = Record<string, any>;

export interface Harness {
  emu: RunningEmulator;
  client: ImClient;
  /** Calls a command (no request validation, no retries) and asserts HTTP 200 + strict schema validity. */
  call(command: string, body: unknown, opts?: CallOptions): Promise<Body>;
  /** call() and assert ErrorCode 0. */
  ok(command: string, body: unknown): Promise<Body>;
  /** call() and assert the top-level ErrorCode. */
  code(command: string, body: unknown, code: number, opts?: CallOptions): Promise<Body>;
  importUsers(...ids: string[]): Promise<void>;
  /** Creates an IM group (through the API) and returns its id. */
  imGroup(groupId?: string): Promise<string>;
  sig(identifier?: string, opts?: { expireSeconds?: number; now?: number; key?: string; sdkappid?: number }): string;
  close(): Promise<void>;
}

/** An emulator with throttling off unless the options turn it on; logger silenced. */
export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const logs: string[] = [];
  const emu = await startEmulator({
    logger: (l) => logs.push(l),
    ...options,
    config: deepMerge({ throttle: { enabled: false } }, options.config ?? {}),
  });
  const client = new ImClient(
    { baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, auth: { kind: 'secret-key', secretKey: emu.secretKey }, timeoutMs: 10_000, usersigExpireSeconds: 86_400 },
    { strict: true },
  );
  const call = async (command: string, body: unknown, opts: CallOptions = {}): Promise<Body> => {
    const r: CallResult<Envelope> = await client.call(command, body, { validateRequest: false, retry: false, ...opts });
    assert.equal(r.httpStatus, 200, `${command}: HTTP ${r.httpStatus} ${r.text}`);
    assert.ok(r.validation.ok, `${command}: response not schema-valid: ${JSON.stringify(r.validation.errors)} ${r.text}`);
    return r.body as Body;
  };
  const code = async (command: string, body: unknown, expected: number, opts?: CallOptions): Promise<Body> => {
    const b = await call(command, body, opts);
    assert.equal(b.ErrorCode, expected, `${command}: expected ${expected}, got ${b.ErrorCode} ${b.ErrorInfo}`);
    assert.equal(b.ActionStatus, expected === ErrorCodes.OK ? 'OK' : 'FAIL');
    return b;
  };
  return {
    emu,
    client,
    call,
    code,
    ok: (command, body) => code(command, body, ErrorCodes.OK),
    async importUsers(...ids) {
      for (let i = 0; i < ids.length; i += 100) {
        const b = await code('im_open_login_svc/multiaccount_import', { Accounts: ids.slice(i, i + 100) }, ErrorCodes.OK);
        assert.deepEqual(b.FailAccounts, []);
      }
    },
    async imGroup(groupId) {
      const b = await code('group_open_http_svc/create_group', { Type: 'Public', Name: 'g', ...(groupId ? { GroupId: groupId } : {}) }, ErrorCodes.OK);
      return b.GroupId as string;
    },
    sig: (identifier = emu.admin, o = {}) =>
      genUserSig({ sdkappid: o.sdkappid ?? emu.sdkappid, key: o.key ?? emu.secretKey, identifier, expireSeconds: o.expireSeconds ?? 3600, ...(o.now === undefined ? {} : { now: o.now }) }),
    close: () => emu.stop(),
  };
}

/** Runs `fn` with a fresh emulator and always stops it. */
export async function withEmulator(options: EmulatorOptions, fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await harness(options);
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

/** Plain envelope check for answers that belong to no command (unknown route). */
export function assertEnvelope(body: unknown): void {
  const v = validateResponse('im_open_login_svc/account_import', body, { strict: true });
  assert.ok(v.ok, `not a valid envelope: ${JSON.stringify(v.errors)} ${JSON.stringify(body)}`);
}

export const c2c = (peer: string) => ({ Type: 1, To_Account: peer });
export const g2c = (groupId: string) => ({ Type: 2, ToGroupId: groupId });

export const createGroup = (from: string, name: string, contacts: object[] = []) => ({
  From_Account: from,
  GroupContactItem: [{ GroupName: name, ContactItem: contacts }],
});
export const rename = (from: string, oldName: string, newName: string) => ({
  From_Account: from,
  UpdateType: 1,
  UpdateGroup: { UpdateGroupType: 1, OldGroupName: oldName, NewGroupName: newName },
});
export const updateMembers = (from: string, name: string, items: { op: 1 | 2; contact: object }[]) => ({
  From_Account: from,
  UpdateType: 1,
  UpdateGroup: { UpdateGroupType: 2, OldGroupName: name, ContactUpdateItem: items.map((i) => ({ ContactOptType: i.op, ContactItem: i.contact })) },
});
export const mark = (from: string, items: object[]) => ({ From_Account: from, MarkItem: items });

import { CMD } from '../../src/client/commands.ts';

export { CMD };

/** All pages of get_contact_group; asserts the paging protocol on the way. */
export async function allPages(h: Harness, from: string): Promise<{ items: Body[]; pages: Body[] }> {
  const items: Body[] = [];
  const pages: Body[] = [];
  let start = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await h.ok(CMD.get, { From_Account: from, StartIndex: start });
    pages.push(page);
    items.push(...page.ContactItem);
    if (page.CompleteFlag === 1) {
      assert.equal(page.NextStartIndex, 0);
      return { items, pages };
    }
    assert.equal(page.CompleteFlag, 0);
    assert.ok(page.NextStartIndex > start, 'NextStartIndex must move forward');
    start = page.NextStartIndex;
  }
  throw new Error('paging did not end');
}

/** A string of exactly `bytes` UTF-8 bytes made of `unit` (1-4 byte character) plus ASCII padding. */
export function nameOfBytes(bytes: number, unit: 'a' | 'é' | '한' | '😀'): string {
  const size = Buffer.byteLength(unit);
  const n = Math.floor(bytes / size);
  return unit.repeat(n) + 'b'.repeat(bytes - n * size);
}

export const peers = (n: number, prefix = 'peer'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
