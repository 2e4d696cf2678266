import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImClient, loadTargetConfig, toCurl, RequestValidationError, InconclusiveError, type CallRecord } from '../../src/client/index.ts';
import { verifyUserSig } from '../../src/usersig/index.ts';
import { ErrorCodes } from '../../src/errors/index.ts';

// A capture server: records what the client sends and answers what the test queues.
const seen: { url: URL; body: string }[] = [];
const answers: { status: number; body: string }[] = [];
let server: Server;
let base = '';
const KEY = 'client-test-secret-key-0123456789abcdef';

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ url: new URL(req.url ?? '/', 'http://x'), body });
      const a = answers.shift() ?? { status: 200, body: JSON.stringify({ ActionStatus: 'OK', ErrorCode: ErrorCodes.OK, ErrorInfo: '', GroupItem: [{ GroupName: 'g', GroupId: 1 }] }) };
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const config = () => loadTargetConfig({ TCIM_BASE_URL: base, TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'administrator', TCIM_SECRET_KEY: KEY });

test('signs every call: the documented query string, a valid admin UserSig and a fresh random', async () => {
  seen.length = 0;
  const client = new ImClient(config());
  await client.call('recentcontact/del_contact_group', { From_Account: 'u1', GroupName: ['g'] });
  await client.call('recentcontact/del_contact_group', { From_Account: 'u1', GroupName: ['g'] });
  const [a, b] = seen;
  assert.ok(a && b);
  assert.equal(a.url.pathname, '/v4/recentcontact/del_contact_group');
  assert.equal(a.url.searchParams.get('sdkappid'), '1400000001');
  assert.equal(a.url.searchParams.get('identifier'), 'administrator');
  assert.equal(a.url.searchParams.get('contenttype'), 'json');
  const random = Number(a.url.searchParams.get('random'));
  assert.ok(Number.isInteger(random) && random >= 0 && random <= 4294967295);
  assert.notEqual(a.url.searchParams.get('random'), b.url.searchParams.get('random'));
  assert.equal(verifyUserSig(a.url.searchParams.get('usersig') ?? '', { sdkappid: 1400000001, key: KEY, identifier: 'administrator' }).ok, true);
  assert.deepEqual(JSON.parse(a.body), { From_Account: 'u1', GroupName: ['g'] });
});

test('validates the request before sending, with an explicit opt-out for negative tests', async () => {
  seen.length = 0;
  const client = new ImClient(config());
  await assert.rejects(client.call('recentcontact/mark_contact', { From_Account: 'u1', MarkItem: [] }), RequestValidationError);
  assert.equal(seen.length, 0, 'nothing was sent');
  await client.call('recentcontact/mark_contact', { From_Account: 'u1', MarkItem: [] }, { validateRequest: false });
  assert.equal(seen.length, 1);
});

test('validates the response: strict flags unknown fields as errors, lenient as drift', async () => {
  const body = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', GroupItem: [{ GroupName: 'g', GroupId: 1 }], NewField: 1 });
  answers.push({ status: 200, body }, { status: 200, body });
  const strict = await new ImClient(config()).call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] });
  assert.equal(strict.validation.ok, false);
  const lenient = await new ImClient(config(), { strict: false }).call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] });
  assert.equal(lenient.validation.ok, true);
  assert.deepEqual(lenient.validation.unknownFields, ['/NewField']);
});

test('an answer that is not JSON is reported, not thrown', async () => {
  answers.push({ status: 200, body: '<html>gateway</html>' });
  const r = await new ImClient(config()).call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] });
  assert.equal(r.body, undefined);
  assert.equal(r.validation.ok, false);
  assert.match(r.validation.errors[0]?.message ?? '', /not JSON/);
});

test('throttle answers are retried, then reported inconclusive', async () => {
  const throttled = JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: ErrorCodes.API_RATE_LIMITED, ErrorInfo: 'too frequent' });
  answers.push({ status: 200, body: throttled });
  const client = new ImClient(config(), { backoffMs: 1, throttleRetries: 2 });
  const ok = await client.call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] });
  assert.equal(ok.throttledAttempts, 1);
  assert.equal(ok.records.length, 2);
  answers.push({ status: 200, body: throttled }, { status: 200, body: throttled }, { status: 200, body: throttled });
  await assert.rejects(client.call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] }), InconclusiveError);
});

test('HTTP 502 is retried; an unreachable target is inconclusive', async () => {
  answers.push({ status: 502, body: 'bad gateway' });
  const r = await new ImClient(config(), { backoffMs: 1 }).call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] });
  assert.equal(r.httpStatus, 200);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const down = new ImClient(loadTargetConfig({ TCIM_BASE_URL: `http://127.0.0.1:${port}`, TCIM_SDKAPPID: '1', TCIM_ADMIN: 'a', TCIM_SECRET_KEY: KEY }), { backoffMs: 1 });
  await assert.rejects(down.call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] }), (e: unknown) => e instanceof InconclusiveError && /unreachable/.test(e.message));
});

test('records and curl lines never carry the secret key or the UserSig, yet the curl line runs with $TCIM_USERSIG', async () => {
  const records: CallRecord[] = [];
  const client = new ImClient(config(), { onRecord: (r) => records.push(r) });
  const sig = client.usersig();
  answers.push({ status: 200, body: JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: ErrorCodes.INVALID_PARAMETER, ErrorInfo: `echo ${sig} ${KEY}` }) });
  await client.call('recentcontact/del_contact_group', { From_Account: sig, GroupName: [KEY] }, { validateRequest: false });
  const everything = JSON.stringify(records) + records.map(toCurl).join('\n');
  assert.ok(!everything.includes(sig), 'UserSig leaked');
  assert.ok(!everything.includes(KEY), 'secret key leaked');
  assert.match(toCurl(records[0]!), /usersig='"\$TCIM_USERSIG"'&random=/);
  assert.match(toCurl(records[0]!), /^curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/v4\/recentcontact\/del_contact_group\?sdkappid=1400000001&identifier=administrator&usersig=/);
});

test('query overrides send a garbled or missing signature for negative tests', async () => {
  seen.length = 0;
  const client = new ImClient(config());
  await client.call('recentcontact/del_contact_group', { From_Account: 'u', GroupName: ['g'] }, { query: { usersig: 'garbled', sdkappid: null } });
  assert.equal(seen[0]?.url.searchParams.get('usersig'), 'garbled');
  assert.equal(seen[0]?.url.searchParams.has('sdkappid'), false);
});

test('typed methods per command send to the right command and type the answer', async () => {
  seen.length = 0;
  const { typed } = await import('../../src/client/index.ts');
  const api = typed(new ImClient(config()));
  const r = await api.delContactGroup({ From_Account: 'u1', GroupName: ['g'] });
  assert.equal(seen[0]?.url.pathname, '/v4/recentcontact/del_contact_group');
  assert.equal(r.body?.GroupItem?.[0]?.GroupId, 1);
  assert.equal(typeof api.markContact, 'function');
  assert.equal(typeof api.accountImport, 'function');
});
