/**
 * The doc samples replayed: every valid request fixture (schemas/fixtures/valid/<service>/<command>/request-*.json)
 * is sent to a fresh emulator after its preconditions are set up (accounts, IM groups, conversation groups);
 * the answer must be OK, strictly schema-valid and — where a response sample exists — of the sample's shape.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ErrorCodes } from '../../src/errors/index.ts';
import { CMD, withEmulator, type Body } from './helpers.ts';
import { prepare, requestFixtures, type Fixture } from './fixture-data.ts';

const VALID = fileURLToPath(new URL('../../schemas/fixtures/valid/', import.meta.url));
const OPTIONAL_ENVELOPE = new Set(['ErrorDisplay', 'RequestId']);

/** The response sample a request fixture is compared with. */
function sampleFor(f: Fixture): Body | undefined {
  const dir = join(VALID, f.command);
  const candidates = [f.file.replace(/^request-/, 'response-'), f.file === 'request-doc-rename.json' ? 'response-rename-choice.json' : '', f.file.startsWith('request-doc') ? 'response-doc.json' : ''];
  for (const c of candidates) if (c && existsSync(join(dir, c))) return (JSON.parse(readFileSync(join(dir, c), 'utf8')) as { body: Body }).body;
  return undefined;
}

const isObj = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const fieldsOf = (o: Body): string[] => Object.keys(o).filter((k) => !OPTIONAL_ENVELOPE.has(k)).sort();

/**
 * The sample's shape: objects have the sample's fields (optional envelope fields aside), array items use
 * only fields that the sample's items use (items of another conversation Type are compared with their kind).
 */
function assertShape(ours: unknown, sample: unknown, path: string): void {
  if (Array.isArray(sample)) {
    assert.ok(Array.isArray(ours), `${path}: expected an array`);
    const fields = new Set(sample.flatMap((s) => (isObj(s) ? Object.keys(s) : [])));
    for (const item of ours) {
      if (!isObj(item)) continue;
      for (const k of Object.keys(item)) assert.ok(fields.size === 0 || fields.has(k), `${path}[]: field ${k} is not in the sample`);
      const like = sample.find((s) => isObj(s) && s.Type === item.Type) ?? sample[0];
      if (isObj(like)) for (const [k, v] of Object.entries(item)) if (k in like) assertShape(v, like[k], `${path}[].${k}`);
    }
    return;
  }
  if (isObj(sample)) {
    assert.ok(isObj(ours), `${path}: expected an object`);
    if ('Type' in sample && sample.Type !== ours.Type) return; // a conversation of the other kind (C2C vs G2C)
    assert.deepEqual(fieldsOf(ours), fieldsOf(sample), `${path || 'top level'}: fields`);
    for (const [k, v] of Object.entries(sample)) if (k in ours) assertShape(ours[k], v, `${path}.${k}`);
    return;
  }
  assert.equal(typeof ours, typeof sample, `${path}: type`);
}

const fixtures = requestFixtures();

test('there are request fixtures for every served command', { skip: fixtures.length === 0 && 'schemas/fixtures/valid not present yet' }, () => {
  assert.deepEqual(new Set(fixtures.map((f) => f.command)), new Set(Object.values(CMD)));
});

for (const f of fixtures) {
  test(`replay ${f.command} ${f.file}`, async () => {
    await withEmulator({}, async (h) => {
      await prepare(h, f);
      const answer = await h.code(f.command, f.body, ErrorCodes.OK);
      const sample = sampleFor(f);
      if (sample) assertShape(answer, sample, '');
    });
  });
}
