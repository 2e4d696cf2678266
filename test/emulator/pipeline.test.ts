/** The request pipeline: method, route, query, UserSig, admin, body size, JSON, internal errors. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { validateResponse } from '../../src/schema/index.ts';
import { EMULATOR_DEFAULTS } from '../../src/emulator/defaults.ts';
import { assertEnvelope, CMD, withEmulator, type Harness } from './helpers.ts';

const ping = { From_Account: 'u1', StartIndex: 0 };

function query(h: Harness, overrides: Record<string, string | null> = {}): string {
  const q: Record<string, string | null> = { sdkappid: String(h.emu.sdkappid), identifier: h.emu.admin, usersig: h.sig(), random: '12345', contenttype: 'json', ...overrides };
  return new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== null)).toString();
}

async function raw(h: Harness, path: string, init: { method?: string; body?: string; q?: string } = {}) {
  const res = await fetch(`${h.emu.url}${path}?${init.q ?? query(h)}`, { method: init.method ?? 'POST', ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, any> };
}

test('non-POST is HTTP_PARSE_ERROR with HTTP 200; unknown routes are RESOURCE_NOT_FOUND', async () => {
  await withEmulator({}, async (h) => {
    const get = await raw(h, `/v4/${CMD.get}`, { method: 'GET' });
    assert.equal(get.status, 200);
    assert.equal(get.body.ErrorCode, ErrorCodes.HTTP_PARSE_ERROR);
    assert.ok(validateResponse(CMD.get, get.body).ok);
    for (const path of ['/v4/recentcontact/nope', '/', '/v4/recentcontact', '/v5/recentcontact/get_contact_group']) {
      const r = await raw(h, path, { body: '{}' });
      assert.equal(r.status, 200);
      assert.equal(r.body.ErrorCode, ErrorCodes.RESOURCE_NOT_FOUND, path);
      assertEnvelope(r.body);
    }
  });
});

test('query: sdkappid missing SDKAPPID_MISSING, invalid or unknown INVALID_SDKAPPID, disabled app SDKAPPID_DISABLED', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.code(CMD.get, ping, ErrorCodes.SDKAPPID_MISSING, { query: { sdkappid: null } });
    await h.code(CMD.get, ping, ErrorCodes.INVALID_SDKAPPID, { query: { sdkappid: 'abc' } });
    await h.code(CMD.get, ping, ErrorCodes.INVALID_SDKAPPID, { query: { sdkappid: String(h.emu.sdkappid + 1) } });
    h.emu.control.patchConfig({ disabled: true });
    await h.code(CMD.get, ping, ErrorCodes.SDKAPPID_DISABLED);
    h.emu.control.patchConfig({ disabled: false });
    await h.ok(CMD.get, ping);
  });
});

test('query: random missing, not a number or out of 0..4294967295 and contenttype other than json are HTTP_PARSE_ERROR', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    for (const random of [null, 'x', '-1', '4294967296', '99999999999']) {
      await h.code(CMD.get, ping, ErrorCodes.HTTP_PARSE_ERROR, { query: { random } });
    }
    await h.code(CMD.get, ping, ErrorCodes.OK, { query: { random: '4294967295' } });
    await h.code(CMD.get, ping, ErrorCodes.OK, { query: { random: '0' } });
    await h.code(CMD.get, ping, ErrorCodes.HTTP_PARSE_ERROR, { query: { contenttype: 'xml' } });
    await h.code(CMD.get, ping, ErrorCodes.HTTP_PARSE_ERROR, { query: { contenttype: null } });
  });
});

test('UserSig: empty USERSIG_EMPTY, garbled USERSIG_INVALID, other app USERSIG_SDKAPPID_MISMATCH, other identifier USERSIG_IDENTIFIER_MISMATCH, expired USERSIG_EXPIRED, wrong key USERSIG_VERIFY_FAILED', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_EMPTY, { query: { usersig: null } });
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_EMPTY, { query: { usersig: '' } });
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_INVALID, { query: { usersig: 'not-a-sig' } });
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_SDKAPPID_MISMATCH, { query: { usersig: h.sig(h.emu.admin, { sdkappid: 1400000999 }) } });
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_IDENTIFIER_MISMATCH, { query: { identifier: 'someone' } });
    const old = Math.floor(Date.now() / 1000) - 7200;
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_EXPIRED, { query: { usersig: h.sig(h.emu.admin, { now: old, expireSeconds: 3600 }) } });
    const bad = await h.code(CMD.get, ping, ErrorCodes.USERSIG_VERIFY_FAILED, { query: { usersig: h.sig(h.emu.admin, { key: 'another-key' }) } });
    assert.doesNotMatch(JSON.stringify(bad), /another-key/);
  });
});

test('UserSig expiry follows the emulator clock, also for a signature seen before', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const sig = h.sig(h.emu.admin, { expireSeconds: 600 });
    await h.code(CMD.get, ping, ErrorCodes.OK, { query: { usersig: sig } });
    h.emu.control.clock({ advanceSeconds: 601 });
    await h.code(CMD.get, ping, ErrorCodes.USERSIG_EXPIRED, { query: { usersig: sig } });
    h.emu.control.clock({ offsetSeconds: 0 });
    await h.code(CMD.get, ping, ErrorCodes.OK, { query: { usersig: sig } });
  });
});

test('a valid UserSig of a non-admin identifier gets nonAdminCode (ADMIN_PERMISSION_REQUIRED by default, ADMIN_REQUIRED when configured)', async () => {
  await withEmulator({}, async (h) => {
    await h.importUsers('u1');
    const other = { identifier: 'u1', usersig: h.sig('u1') };
    await h.code(CMD.get, ping, ErrorCodes.ADMIN_PERMISSION_REQUIRED, { query: other });
    h.emu.control.patchConfig({ nonAdminCode: ErrorCodes.ADMIN_REQUIRED });
    await h.code(CMD.get, ping, ErrorCodes.ADMIN_REQUIRED, { query: other });
  });
});

test('body: over maxBodyBytes HTTP_PARSE_ERROR; empty or invalid JSON JSON_PARSE_ERROR; JSON that is not an object INVALID_PARAMETER', async () => {
  await withEmulator({ config: { limits: { maxBodyBytes: 2000 } } }, async (h) => {
    await h.importUsers('u1');
    const pad = (n: number) => JSON.stringify({ From_Account: 'u1', StartIndex: 0, X: 'x'.repeat(n) });
    const atLimit = pad(2000 - pad(0).length);
    assert.equal(atLimit.length, 2000);
    await h.code(CMD.get, null, ErrorCodes.INVALID_PARAMETER, { rawBody: atLimit });
    await h.code(CMD.get, null, ErrorCodes.HTTP_PARSE_ERROR, { rawBody: `${atLimit} ` });
    await h.code(CMD.get, null, ErrorCodes.JSON_PARSE_ERROR, { rawBody: '' });
    await h.code(CMD.get, null, ErrorCodes.JSON_PARSE_ERROR, { rawBody: '{"From_Account":' });
    for (const body of ['[]', 'null', '1', '"s"', '{}']) await h.code(CMD.get, null, ErrorCodes.INVALID_PARAMETER, { rawBody: body });
    const named = await h.code(CMD.get, { From_Account: 'u1', StartIndex: '0' }, ErrorCodes.INVALID_PARAMETER);
    assert.match(named.ErrorInfo, /\/StartIndex/);
    const unknown = await h.code(CMD.get, { From_Account: 'u1', StartIndex: 0, Extra: 1 }, ErrorCodes.INVALID_PARAMETER);
    assert.match(unknown.ErrorInfo, /Extra/);
  });
});

test('a handler crash answers INTERNAL_ERROR, logs a redacted line and the emulator keeps serving', async () => {
  const logs: string[] = [];
  await withEmulator(
    {
      logger: (l) => logs.push(l),
      variant: {
        name: 'crash',
        description: 'throws on get_contact_group',
        transformRequest(command, body) {
          if (command === CMD.get) throw new Error(`boom ${EMULATOR_DEFAULTS.secretKey}`);
          return body;
        },
      },
    },
    async (h) => {
      await h.importUsers('u1');
      const r = await h.code(CMD.get, ping, ErrorCodes.INTERNAL_ERROR);
      assert.equal(r.ErrorDisplay, undefined);
      assert.equal(logs.length, 1);
      assert.match(logs[0]!, /internal error in recentcontact\/get_contact_group/);
      assert.doesNotMatch(logs[0]!, new RegExp(h.emu.secretKey));
      await h.ok(CMD.search, { From_Account: 'u1', ContactItem: [{ Type: 1, To_Account: 'x' }] });
    },
  );
});
