/**
 * The retry policy of the signed client (src/client/retry.ts, applied.ts): which commands are sent again
 * after a lost answer, and how a repeat that meets its own applied first attempt is read. A scripted
 * transport plays the target, so every case is exact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CMD, ImClient, InconclusiveError, TransportError, loadTargetConfig, type Transport } from '../../src/client/index.ts';
import { repeatRule, mayRepeat } from '../../src/client/retry.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { choices } from '../../src/rules/index.ts';

type Step = { status: number; body?: unknown } | TransportError;
const OK = (extra: Record<string, unknown> = {}) => ({ status: 200, body: { ActionStatus: 'OK', ErrorCode: ErrorCodes.OK, ErrorInfo: '', ...extra } });
const FAIL = (code: number) => ({ status: 200, body: { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: 'refused' } });
const LOST: Step = { status: 502, body: '<html>bad gateway</html>' };
/** The duplicate-name answer of this harness's default choice (docs silent). */
const DUPLICATE = choices.duplicateGroupName.default;

/** A transport answering from a script, one step per request, recording what was sent. */
function scripted(steps: Step[]): { transport: Transport; sent: { command: string; body: any }[] } {
  const sent: { command: string; body: any }[] = [];
  const transport: Transport = async (url, body) => {
    sent.push({ command: new URL(url).pathname.replace(/^\/v4\//, ''), body: JSON.parse(body) });
    const step = steps.shift();
    if (!step) throw new Error(`unscripted request to ${url}`);
    if (step instanceof TransportError) throw step;
    return { status: step.status, text: typeof step.body === 'string' ? step.body : JSON.stringify(step.body) };
  };
  return { transport, sent };
}

const config = () => loadTargetConfig({ TCIM_BASE_URL: 'http://127.0.0.1:9', TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'admin', TCIM_SECRET_KEY: 'retry-test-key-0123456789' });
const client = (steps: Step[]) => {
  const s = scripted(steps);
  return { im: new ImClient(config(), { transport: s.transport, backoffMs: 1 }), sent: s.sent };
};
const create = (name: string) => ({ From_Account: 'u1', GroupContactItem: [{ GroupName: name, ContactItem: [{ Type: 1, To_Account: 'p1' }] }] });
const created = (name: string, id: number) => OK({ GroupResultItem: [{ GroupItem: { GroupName: name, GroupId: id }, ResultItem: [{ ContactItem: { Type: 1, To_Account: 'p1' }, ResultCode: 0, ResultInfo: '' }] }] });

test('repeat rules follow the docs per command: reads, idempotent writes, writes a repeat can meet', () => {
  for (const c of [CMD.get, CMD.search, CMD.getList]) assert.equal(repeatRule(c), 'read', c);
  for (const c of [CMD.mark, CMD.accountImport, CMD.multiImport, CMD.accountDelete, CMD.delete, CMD.destroyGroup]) assert.equal(repeatRule(c), 'idempotent', c);
  for (const c of [CMD.create, CMD.del, CMD.update]) assert.equal(repeatRule(c), 'conditional', c);
  assert.equal(repeatRule('recentcontact/unknown_write'), undefined);
  assert.equal(mayRepeat('recentcontact/unknown_write', true), false, 'an unknown command that may have arrived is not repeated');
  assert.equal(mayRepeat('recentcontact/unknown_write', false), true, 'a refused connection never arrived');
  assert.equal(mayRepeat(CMD.create, true, 'recentcontact/CREATE_CONTACT_GROUP'), true, 'a wrong path changes nothing');
});

test('a read whose answer was lost (502, reset, closed connection) is sent again and counted', async () => {
  const { im, sent } = client([LOST, new TransportError('connection reset (UND_ERR_SOCKET)', 'reset'), OK({ CompleteFlag: 1 })]);
  const r = await im.call(CMD.get, { From_Account: 'u1', StartIndex: 0 });
  assert.equal(r.body?.ErrorCode, ErrorCodes.OK);
  assert.equal(r.transientRetries, 2);
  assert.equal(r.records.length, 3);
  assert.equal(sent.length, 3);
});

test('calls still failing after the retries are inconclusive, never a contract answer', async () => {
  const { im } = client([LOST, LOST, LOST, LOST]);
  await assert.rejects(im.call(CMD.search, { From_Account: 'u1', ContactItem: [{ Type: 1, To_Account: 'p' }] }), InconclusiveError);
});

test('retry: false returns the first answer as is; retryTransient still repeats a lost one', async () => {
  const raw = client([LOST]);
  assert.equal((await raw.im.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { retry: false })).httpStatus, 502);
  const { im } = client([LOST, FAIL(ErrorCodes.API_RATE_LIMITED)]);
  const r = await im.call(CMD.get, { From_Account: 'u1', StartIndex: 0 }, { retry: false, retryTransient: true });
  assert.equal(r.body?.ErrorCode, ErrorCodes.API_RATE_LIMITED, 'the throttle answer is not retried');
  assert.equal(r.transientRetries, 1);
});

test('an applied create whose answer was lost: the repeat is refused, the client undoes it and sends it again', async () => {
  const { im, sent } = client([LOST, FAIL(DUPLICATE), OK({ GroupItem: [{ GroupName: 'g', GroupId: 1 }] }), created('g', 2)]);
  const r = await im.call(CMD.create, create('g'));
  assert.equal(r.appliedEarlier, true);
  assert.equal(r.body?.ErrorCode, ErrorCodes.OK, "the caller gets the server's own answer to the replayed create");
  assert.deepEqual(sent.map((s) => s.command), [CMD.create, CMD.create, CMD.del, CMD.create]);
  assert.deepEqual(sent[2]?.body, { From_Account: 'u1', GroupName: ['g'] });
  assert.equal(r.records.length, 4, 'every attempt is recorded');
});

test('a create refused as a duplicate of a group the client saw created is a genuine answer', async () => {
  const { im, sent } = client([created('g', 1), LOST, FAIL(DUPLICATE)]);
  await im.call(CMD.create, create('g'));
  const r = await im.call(CMD.create, create('g'));
  assert.equal(r.body?.ErrorCode, DUPLICATE);
  assert.ok(!r.appliedEarlier);
  assert.equal(sent.length, 3, 'no undo');
});

test('a lost create whose undo finds nothing was not applied: the repeat answer stands', async () => {
  const { im, sent } = client([LOST, FAIL(ErrorCodes.INVALID_PARAMETER), FAIL(ErrorCodes.CONTACT_GROUP_NOT_FOUND)]);
  const r = await im.call(CMD.create, create('g'));
  assert.equal(r.body?.ErrorCode, ErrorCodes.INVALID_PARAMETER);
  assert.ok(!r.appliedEarlier);
  assert.equal(sent.length, 3);
});

test('an applied delete or rename whose answer was lost (repeat: 51009) is undone and sent again', async () => {
  const del = client([created('g', 1), LOST, FAIL(ErrorCodes.CONTACT_GROUP_NOT_FOUND), created('g', 2), OK({ GroupItem: [{ GroupName: 'g', GroupId: 2 }] })]);
  await del.im.call(CMD.create, create('g'));
  const d = await del.im.call(CMD.del, { From_Account: 'u1', GroupName: ['g'] });
  assert.equal(d.appliedEarlier, true);
  assert.equal(d.body?.ErrorCode, ErrorCodes.OK);
  assert.deepEqual(del.sent.map((s) => s.command), [CMD.create, CMD.del, CMD.del, CMD.create, CMD.del]);

  const rename = { From_Account: 'u1', UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'a', NewGroupName: 'b' } };
  const ren = client([created('a', 1), LOST, FAIL(ErrorCodes.CONTACT_GROUP_NOT_FOUND), OK(), OK({ UpdateType: 1 })]);
  await ren.im.call(CMD.create, create('a'));
  const u = await ren.im.call(CMD.update, rename);
  assert.equal(u.appliedEarlier, true);
  assert.deepEqual(ren.sent[3]?.body.UpdateGroup, { UpdateGroupType: 1, OldGroupName: 'b', NewGroupName: 'a' }, 'the undo renames back');
});

test('a delete of a group the client never saw is not second-guessed: 51009 stands', async () => {
  const { im, sent } = client([LOST, FAIL(ErrorCodes.CONTACT_GROUP_NOT_FOUND)]);
  const r = await im.call(CMD.del, { From_Account: 'u1', GroupName: ['never'] });
  assert.equal(r.body?.ErrorCode, ErrorCodes.CONTACT_GROUP_NOT_FOUND);
  assert.equal(sent.length, 2);
});

test('idempotent writes are repeated as they are: mark_contact twice sets the same bits', async () => {
  const mark = { From_Account: 'u1', MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'p1' }, SetMark: [1] }] };
  const { im, sent } = client([LOST, OK({ ResultItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'p1' }, SetMark: [1], ResultCode: 0, ResultInfo: '' }] })]);
  const r = await im.call(CMD.mark, mark);
  assert.equal(r.transientRetries, 1);
  assert.deepEqual(sent[0]?.body, sent[1]?.body);
});

test('a replay that loses its answer after being applied again is undone and replayed again (bounded)', async () => {
  const { im, sent } = client([LOST, FAIL(DUPLICATE), OK(), LOST, FAIL(DUPLICATE), OK(), created('g', 3)]);
  const r = await im.call(CMD.create, create('g'));
  assert.equal(r.appliedEarlier, true);
  assert.equal(r.body?.ErrorCode, ErrorCodes.OK);
  assert.deepEqual(sent.map((s) => s.command), [CMD.create, CMD.create, CMD.del, CMD.create, CMD.create, CMD.del, CMD.create]);
  assert.equal(r.records.length, 7);
});

test('an undo that loses its own answer after being applied (its repeat: 51009) still lets the original be sent again', async () => {
  // create applied, answer lost → repeat refused as a duplicate → undo del applied, answer lost → repeat 51009 → create again
  const { im, sent } = client([LOST, FAIL(DUPLICATE), LOST, FAIL(ErrorCodes.CONTACT_GROUP_NOT_FOUND), created('g', 2)]);
  const r = await im.call(CMD.create, create('g'));
  assert.equal(r.appliedEarlier, true);
  assert.equal(r.body?.ErrorCode, ErrorCodes.OK, "the caller gets the server's own answer to the replayed create");
  assert.deepEqual(sent.map((s) => s.command), [CMD.create, CMD.create, CMD.del, CMD.del, CMD.create]);
});

test('an undo whose answer was lost but that was never applied: the original is refused again and that answer stands', async () => {
  // the name existed before (another client made it): the undo's repeat finds nothing, the original is refused again
  const { im, sent } = client([LOST, FAIL(DUPLICATE), LOST, FAIL(ErrorCodes.CONTACT_GROUP_NOT_FOUND), FAIL(DUPLICATE)]);
  const r = await im.call(CMD.create, create('g'));
  assert.equal(r.body?.ErrorCode, DUPLICATE, 'a refusal the harness could not explain away is returned as the server gave it');
  assert.equal(sent.length, 5, 'one round: the second refusal was not lost, so nothing more is inferred');
});
