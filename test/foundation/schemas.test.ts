import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { validateRequest, validateResponse, listCommands, limits, loadRegistry, SchemaError, SCHEMA_DIR } from '../../src/schema/index.ts';

interface Fixture {
  kind: 'request' | 'response';
  body: unknown;
  source?: string;
  why?: string;
  expect?: { keyword: string; instancePath: string };
}

function fixtures(kind: 'valid' | 'invalid'): { command: string; name: string; fx: Fixture }[] {
  const base = join(SCHEMA_DIR, 'fixtures', kind);
  const out: { command: string; name: string; fx: Fixture }[] = [];
  for (const service of readdirSync(base)) {
    for (const command of readdirSync(join(base, service))) {
      for (const file of readdirSync(join(base, service, command))) {
        out.push({ command: `${service}/${command}`, name: file, fx: JSON.parse(readFileSync(join(base, service, command, file), 'utf8')) as Fixture });
      }
    }
  }
  return out;
}

const check = (command: string, fx: Fixture) => (fx.kind === 'request' ? validateRequest(command, fx.body) : validateResponse(command, fx.body));

test('every command has a request and a response sample from the docs', () => {
  const valid = fixtures('valid');
  for (const c of listCommands()) {
    for (const kind of ['request', 'response']) {
      assert.ok(valid.some((v) => v.command === c.name && v.fx.kind === kind && /doc/.test(v.name)), `${c.name}: no ${kind} doc sample`);
    }
  }
});

for (const { command, name, fx } of fixtures('valid')) {
  test(`valid: ${command} ${name}`, () => {
    const r = check(command, fx);
    assert.deepEqual(r.errors, [], JSON.stringify(r.errors));
  });
}

for (const { command, name, fx } of fixtures('invalid')) {
  test(`invalid: ${command} ${name} (${fx.why ?? ''})`, () => {
    const r = check(command, fx);
    assert.equal(r.ok, false);
    const all = [...r.errors.map((e) => ({ keyword: e.keyword, path: e.path })), ...r.unknownFields.map((p) => ({ keyword: 'additionalProperties', path: p }))];
    const want = fx.expect;
    assert.ok(want, 'fixture names the expected error');
    assert.ok(
      all.some((e) => e.keyword === want.keyword && (e.path === (want.instancePath || '/') || e.path.startsWith(`${want.instancePath}/`))),
      `expected ${want.keyword} at ${want.instancePath}, got ${JSON.stringify(all)}`,
    );
  });
}

test('limits are read from the schemas: the documented numbers', () => {
  assert.equal(limits.maxMarkItems, 100);
  assert.equal(limits.maxSearchItems, 300);
  assert.equal(limits.maxGroupNameBytes, 32);
  assert.equal(limits.maxCustomMarkBytes, 256);
  assert.equal(limits.maxMarkBit, 63);
  assert.equal(limits.maxGroupsPerUser, 20);
  assert.equal(limits.maxConversationsWithData, 1000);
  assert.equal(limits.rateLimitPerSecond, 200);
});

test('every command names its doc, rate limit and family', () => {
  const names = listCommands().map((c) => c.name).sort();
  assert.equal(names.length, 13);
  for (const c of listCommands()) {
    assert.match(c.doc, /^https:\/\//);
    assert.ok(c.rateLimitPerSecond > 0);
  }
  assert.equal(listCommands().filter((c) => c.family === 'contact-group' && c.service === 'recentcontact').length, 6);
});

test('a response that says OK must carry the fields the docs list; FAIL must carry a non-zero code', () => {
  const r = validateResponse('recentcontact/get_contact_group', { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  assert.equal(r.ok, false);
  assert.ok(r.errors.some((e) => e.keyword === 'x-required-on-success'));
  const f = validateResponse('recentcontact/get_contact_group', { ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: 'x' });
  assert.ok(f.errors.some((e) => e.keyword === 'envelope'));
  assert.equal(validateResponse('recentcontact/get_contact_group', { ActionStatus: 'FAIL', ErrorCode: 50001, ErrorInfo: 'x' }).ok, true);
});

test('a malformed schema tree is a clear SchemaError naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-schemas-'));
  cpSync(SCHEMA_DIR, dir, { recursive: true });
  const file = join(dir, 'commands/recentcontact/mark_contact.json');
  writeFileSync(file, '{ "broken": ');
  assert.throws(() => loadRegistry(dir), (e: unknown) => e instanceof SchemaError && e.message.includes(relative(dir, file)) && /not valid JSON/.test(e.message));
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'commands/recentcontact/mark_contact.json'), 'utf8'));
  schema.definitions.Request.properties.MarkItem.maxItems = 'one hundred';
  writeFileSync(file, JSON.stringify(schema));
  assert.throws(() => loadRegistry(dir), (e: unknown) => e instanceof SchemaError && /not a valid JSON Schema/.test(e.message));
  delete schema.definitions.Request;
  schema.definitions.Request = undefined;
  writeFileSync(file, JSON.stringify({ ...schema, 'x-command': undefined }));
  assert.throws(() => loadRegistry(dir), /x-command/);
});
