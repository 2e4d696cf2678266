/**
 * `tcim-harness/client` as application code uses it: createClient(options) against the embedded emulator —
 * typed methods, request validation before sending, response validation, UserSig signing and verification,
 * option errors naming the option.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, ConfigError, ErrorCodes, RequestValidationError, itemResults, type GetContactGroupResponse, type TcimClient } from '../../src/client/public.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';

let emu: RunningEmulator;
let im: TcimClient;
const owner = 'lib-owner-1';

before(async () => {
  emu = await startEmulator({ port: 0, logger: () => undefined, config: { throttle: { enabled: false } } });
  im = createClient({ baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, secretKey: emu.secretKey, strict: true });
  const imported = await im.accountImport({ UserID: owner });
  assert.equal(imported.body?.ErrorCode, ErrorCodes.OK);
});
after(async () => emu?.stop());

describe('createClient against the embedded emulator', () => {
  it('creates, reads and marks through the typed methods; responses validate strictly', async () => {
    const created = await im.createContactGroup({ From_Account: owner, GroupContactItem: [{ GroupName: 'friends', ContactItem: [{ Type: 1, To_Account: 'peer-a' }] }] });
    assert.equal(created.httpStatus, 200);
    assert.equal(created.body?.ActionStatus, 'OK');
    assert.equal(created.validation.ok, true);
    const got = await im.getContactGroup({ From_Account: owner, StartIndex: 0 });
    const body: GetContactGroupResponse | undefined = got.body;
    assert.equal(body?.ErrorCode, ErrorCodes.OK);
    assert.deepEqual(body?.GroupItem?.map((g) => g.GroupName), ['friends']);
    assert.equal(got.validation.ok, true, JSON.stringify(got.validation));
    const marked = await im.markContact({ From_Account: owner, MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'peer-a' }, SetMark: [1] }] });
    assert.equal(marked.body?.ErrorCode, ErrorCodes.OK, marked.text);
    assert.deepEqual(itemResults(marked.command, marked.body).map((i) => i.ResultCode), [ErrorCodes.OK]);
  });

  it('the untyped call() reaches any command by path and reports the documented error codes', async () => {
    const res = await im.call('recentcontact/del_contact_group', { From_Account: owner, GroupName: ['no-such-group'] });
    assert.equal(res.httpStatus, 200);
    assert.equal(res.body?.ActionStatus, 'FAIL');
    assert.notEqual(res.body?.ErrorCode, ErrorCodes.OK);
  });

  it('refuses a request that breaks the schema before sending it', async () => {
    const sent: unknown[] = [];
    const c = createClient({ baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, secretKey: emu.secretKey, onRecord: (r) => sent.push(r) });
    await assert.rejects(c.getContactGroup({ From_Account: owner, StartIndex: -1 } as never), RequestValidationError);
    assert.equal(sent.length, 0, 'nothing was sent');
  });

  it('signs and verifies UserSigs with the secret key; records never carry the key or the signature', async () => {
    const records: string[] = [];
    const c = createClient({ baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, secretKey: emu.secretKey, onRecord: (r) => records.push(JSON.stringify(r)) });
    const sig = c.usersig();
    assert.equal(c.verifyUserSig(sig).ok, true);
    const other = c.signUserSig('someone-else', 60);
    assert.equal(c.verifyUserSig(other, 'someone-else').ok, true);
    const wrong = c.verifyUserSig(other);
    assert.equal(wrong.ok, false);
    assert.equal(!wrong.ok && wrong.reason, 'identifier_mismatch');
    const res = await c.getContactGroup({ From_Account: owner, StartIndex: 0 });
    assert.equal(res.body?.ErrorCode, ErrorCodes.OK);
    assert.ok(records.length > 0);
    for (const r of records) {
      assert.ok(!r.includes(emu.secretKey), 'secret key in a record');
      assert.ok(!r.includes(sig), 'UserSig in a record');
    }
  });

  it('a pre-made usersig works; signing without the key is a ConfigError', async () => {
    const c = createClient({ baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, usersig: im.usersig() });
    const res = await c.getContactGroup({ From_Account: owner, StartIndex: 0 });
    assert.equal(res.body?.ErrorCode, ErrorCodes.OK);
    assert.throws(() => c.signUserSig('x'), ConfigError);
  });

  it('a wrong secret key gets the documented signature error from the server', async () => {
    const c = createClient({ baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, secretKey: 'not-the-key', retries: { throttle: 0, transient: 0 } });
    const res = await c.getContactGroup({ From_Account: owner, StartIndex: 0 });
    assert.equal(res.body?.ActionStatus, 'FAIL');
    assert.notEqual(res.body?.ErrorCode, ErrorCodes.OK);
  });
});

describe('createClient options', () => {
  const base = { baseUrl: 'http://127.0.0.1:1', sdkappid: 1400000000, admin: 'administrator', secretKey: 'k' };
  const bad: [string, object, RegExp][] = [
    ['baseUrl', { baseUrl: 'not a url' }, /baseUrl/],
    ['baseUrl query', { baseUrl: 'http://x/?a=1' }, /baseUrl/],
    ['sdkappid', { sdkappid: 0 }, /sdkappid/],
    ['admin', { admin: '' }, /admin/],
    ['both credentials', { usersig: 'abc' }, /only one of secretKey/],
    ['no credentials', { secretKey: undefined }, /neither secretKey nor usersig/],
    ['timeoutMs', { timeoutMs: -5 }, /timeoutMs/],
    ['ratePerSecond', { ratePerSecond: 0 }, /ratePerSecond/],
  ];
  for (const [what, patch, message] of bad) {
    it(`rejects a bad ${what} with a ConfigError naming it`, () => {
      assert.throws(() => createClient({ ...base, ...patch } as never), (e: unknown) => e instanceof ConfigError && message.test((e as Error).message));
    });
  }
});
