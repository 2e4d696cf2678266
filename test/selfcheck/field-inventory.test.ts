/**
 * The response-field inventory (derived from the schemas) against the mutant catalogue: every documented
 * field of every response of the six commands has at least one mutant that corrupts it, named by its
 * `fields` declaration and killed by the tests of its `seenBy`; a field added to a schema later demands
 * one (the generated family supplies it). Each variant's probe — that it really corrupts the field — runs
 * in catalogue.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, handWritten } from '../../src/emulator/variants/catalogue.ts';
import { fieldVariant, fieldVariants, generatedName, mechanicalKind } from '../../src/emulator/variants/fields/generated.ts';
import { ENVELOPE, registrySource, responseFields, type ResponseField, type SchemaSource } from '../../src/emulator/variants/fields/inventory.ts';
import { dropAt, mistypeAt, typesAt } from '../../src/emulator/variants/fields/mutate.ts';
import type { CatalogueVariant } from '../../src/emulator/variants/types.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { listCommands } from '../../src/schema/index.ts';

const fields = responseFields();
const ids = new Set(fields.map((f) => f.id));

/** Inventory fields no variant of `variants` declares. */
const uncovered = (fs: readonly ResponseField[], variants: readonly CatalogueVariant[]): string[] => {
  const declared = new Set(variants.flatMap((v) => (v.fields ?? []).map((m) => m.field)));
  return fs.filter((f) => !declared.has(f.id)).map((f) => f.id);
};

test('inventory: every response field of the six commands, from the schemas — items, nested objects, the envelope once', () => {
  const six = listCommands().filter((c) => c.family === 'contact-group').map((c) => c.command);
  assert.equal(six.length, 6);
  for (const id of [
    'envelope:ActionStatus',
    'envelope:ErrorCode',
    'envelope:ErrorInfo',
    'get_contact_group:ContactItem[].StandardMark',
    'get_contact_group:GroupItem[].GroupId',
    'get_contact_group:CompleteFlag',
    'get_contact_group:NextStartIndex',
    'create_contact_group:GroupResultItem[].ResultItem[].ResultInfo',
    'create_contact_group:GroupResultItem[].GroupItem.GroupName',
    'mark_contact:ResultItem[].ContactItem.To_Account',
    'search_contact_group:ContactResultItem[].ContactGroupId',
    'update_contact_group:UpdateGroupResult.ContactResultItem[].ContactOptType',
    'del_contact_group:GroupItem[].GroupName',
  ]) {
    assert.ok(ids.has(id), `${id} missing from the inventory`);
  }
  assert.equal(ids.size, fields.length, 'duplicate field ids');
  // the envelope is listed once, never per command; commands outside the six are not listed
  for (const f of fields) {
    assert.ok(f.command === ENVELOPE || six.includes(f.command), `${f.id}: not one of the six commands`);
    if (f.command !== ENVELOPE) assert.ok(!['ActionStatus', 'ErrorCode', 'ErrorInfo'].includes(f.path[0] as string), `${f.id}: the envelope listed per command`);
  }
  assert.equal(fields.filter((f) => f.command === ENVELOPE).find((f) => f.path[0] === 'ErrorCode')?.answeredBy.length, 6);
  const byId = new Map(fields.map((f) => [f.id, f]));
  assert.equal(byId.get('get_contact_group:ContactItem[].Timestamp')?.presence, 'required');
  assert.equal(byId.get('get_contact_group:ContactItem[].To_Account')?.presence, 'conditional');
  assert.equal(byId.get('get_contact_group:ContactItem[].CustomMark')?.presence, 'optional');
  assert.equal(byId.get('get_contact_group:NextStartIndex')?.presence, 'on-success');
  assert.equal(byId.get('envelope:ErrorCode')?.presence, 'always');
  assert.equal(byId.get('get_contact_group:ContactItem[].ContactGroupId')?.type, 'array');
});

test('inventory: every documented response field has at least one mutant, and every declared field exists', () => {
  assert.deepEqual(uncovered(fields, catalogue), [], 'documented response fields without a mutant');
  for (const v of catalogue) {
    for (const m of v.fields ?? []) {
      assert.ok(ids.has(m.field), `${v.name} declares ${m.field}, which no response schema documents`);
      assert.ok(['drop', 'mistype', 'value', 'disagree'].includes(m.how), `${v.name}: how ${m.how}`);
    }
    if (v.fields?.length) assert.ok(v.killedBy === 'contracts' && (v.seenBy?.length ?? 0) > 0, `${v.name}: a field mutant names the tests that kill it (seenBy)`);
  }
});

test('inventory: required fields are dropped, optional ones mistyped — by the family or a hand-written variant of the same single corruption', () => {
  const makes = (id: string, how: string): boolean => catalogue.some((v) => (v.fields ?? []).some((m) => m.field === id && m.how === how));
  for (const f of fields) assert.ok(makes(f.id, mechanicalKind(f)), `${f.id}: no ${mechanicalKind(f)} mutant`);
  const generated = fieldVariants(handWritten);
  assert.equal(generated.length + handWritten.filter((v) => v.fields?.length === 1 && v.fields[0]?.how === mechanicalKind(fields.find((f) => f.id === v.fields?.[0]?.field) as ResponseField)).length, fields.length);
  for (const g of generated) assert.ok(catalogue.includes(g) || catalogue.some((v) => v.name === g.name), `${g.name} not in the catalogue`);
  assert.ok(catalogue.some((v) => v.name === 'drop-get-contact-item-type'));
  assert.ok(catalogue.some((v) => v.name === 'mistype-get-contact-item-standard-mark'));
  // the hand-written next-start-index-missing already drops NextStartIndex: no generated twin
  assert.ok(!catalogue.some((v) => v.name === generatedName(fields.find((f) => f.id === 'get_contact_group:NextStartIndex') as ResponseField, 'drop')));
});

test('a field added to a schema later has no mutant in the current catalogue, and the family generates one for it', () => {
  const src = registrySource();
  const raw = new Map([...src.raw].map(([k, v]) => [k, structuredClone(v)]));
  const getId = src.commands.find((c) => c.command === 'get_contact_group')?.schemaId as string;
  const response = (raw.get(getId) as any).definitions.Response;
  response.properties.PageSize = { type: 'integer', description: 'a later field' };
  (raw.get(getId) as any)['x-required-on-success'] = [...src.commands.find((c) => c.command === 'get_contact_group')!.requiredOnSuccess, 'PageSize'];
  const common = [...raw.keys()].find((k) => k.endsWith('/common.json')) as string;
  (raw.get(common) as any).definitions.GroupItem.properties.Color = { type: 'string' };
  const grown: SchemaSource = {
    raw,
    commands: src.commands.map((c) => (c.command === 'get_contact_group' ? { ...c, requiredOnSuccess: [...c.requiredOnSuccess, 'PageSize'] } : c)),
  };
  const later = responseFields(grown);
  const added = later.filter((f) => !ids.has(f.id)).map((f) => f.id).sort();
  // GroupItem is shared: every answer that lists groups gains the field
  assert.deepEqual(added, [
    'create_contact_group:GroupResultItem[].GroupItem.Color',
    'del_contact_group:GroupItem[].Color',
    'get_contact_group:GroupItem[].Color',
    'get_contact_group:PageSize',
    'search_contact_group:GroupItem[].Color',
  ]);
  assert.deepEqual(uncovered(later, catalogue), added, 'the inventory test would fail for exactly the new fields');
  const regenerated = fieldVariants(handWritten, later);
  assert.deepEqual(uncovered(later, [...handWritten, ...regenerated]), []);
  const pageSize = regenerated.find((v) => v.fields?.[0]?.field === 'get_contact_group:PageSize');
  assert.equal(pageSize?.name, 'drop-get-page-size');
  assert.equal(regenerated.find((v) => v.fields?.[0]?.field === 'get_contact_group:GroupItem[].Color')?.name, 'mistype-get-group-item-color');
});

test('generated mutants: corrupt only successful answers of their own command; the envelope every answer of the six', () => {
  const f = (id: string): ResponseField => fields.find((x) => x.id === id) as ResponseField;
  const ts = fieldVariant(f('get_contact_group:ContactItem[].Timestamp'), 'drop');
  const ok = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ContactItem: [{ Type: 1, To_Account: 'a', Timestamp: 5 }], GroupItem: [], CompleteFlag: 1, NextStartIndex: 0 };
  assert.deepEqual(ts.transformResponse?.('recentcontact/get_contact_group', {}, ok).ContactItem, [{ Type: 1, To_Account: 'a' }]);
  assert.equal(ts.transformResponse?.('recentcontact/search_contact_group', {}, ok), ok, 'another command');
  const fail = { ActionStatus: 'FAIL', ErrorCode: ErrorCodes.ACCOUNT_NOT_IMPORTED, ErrorInfo: 'x', ContactItem: [{ Timestamp: 1 }] };
  assert.equal(ts.transformResponse?.('recentcontact/get_contact_group', {}, fail), fail, 'a failure');
  assert.equal(ok.ContactItem[0]?.Timestamp, 5, 'the answer is copied, not edited');
  const env = fieldVariant(f('envelope:ErrorInfo'), 'drop');
  for (const c of f('envelope:ErrorInfo').answeredBy) assert.ok(!('ErrorInfo' in env.transformResponse?.(c, {}, fail)), c);
  assert.equal(env.transformResponse?.('im_open_login_svc/account_import', {}, fail), fail, 'set-up commands are not among the six');
});

test('mechanical corruptions: drop and mistype reach every item; the observed types say what happened', () => {
  const body = { A: [{ B: { C: 1 } }, { B: { C: 2 } }, { B: {} }], S: '12', T: 'ab', L: [3], O: { x: 1 } };
  const path = ['A', '[]', 'B', 'C'];
  assert.deepEqual(typesAt(body, path, 'integer'), ['integer']);
  assert.deepEqual(typesAt(dropAt(body, path), path, 'integer'), []);
  assert.deepEqual(mistypeAt(body, path, 'integer').A.map((a: any) => a.B.C), ['1', '2', '0'], 'present values stringified, the absent one injected');
  assert.equal(mistypeAt(body, ['S'], 'string').S, 12);
  assert.equal(mistypeAt(body, ['T'], 'string').T, 2);
  assert.deepEqual(mistypeAt(body, ['L'], 'array').L, { 0: 3 });
  assert.deepEqual(mistypeAt(body, ['O'], 'object').O, [{ x: 1 }]);
  assert.deepEqual(body.A[0], { B: { C: 1 } }, 'the input is not changed');
});
