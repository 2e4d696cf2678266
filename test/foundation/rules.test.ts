/** The rule table (schemas/limits.json → src/rules): one definition per rule, read by everyone. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../src/core/config-error.ts';
import { defaultConfig } from '../../src/emulator/index.ts';
import { ErrorCodes, lookupError, scopeOf } from '../../src/errors/index.ts';
import { choices, CODE_CHOICES, expectedBurst, expectedCode, readExpectations, requestRules, rules } from '../../src/rules/index.ts';
import { limits, listCommands, loadRuleTable, SCHEMA_DIR, SchemaError } from '../../src/schema/index.ts';

test('every rule joins its limit, code, scope, commands and doc', () => {
  const commands = new Set(listCommands().map((c) => c.name));
  for (const r of Object.values(rules)) {
    assert.equal(r.limit, limits[r.name], r.name);
    assert.equal(r.over, r.limit + 1);
    assert.ok(lookupError(r.code), `${r.name}: code ${r.code} is in the error table`);
    assert.match(r.doc, /^https:\/\//);
    assert.ok(r.text.length > 0);
    for (const c of r.commands) {
      assert.ok(c === '*' || commands.has(c), `${r.name}: ${c}`);
      assert.equal(r.scope(c), scopeOf(r.code, c), 'the scope is the error table\'s');
    }
    if (r.choice) assert.equal(r.code, choices[r.choice].default, `${r.name}: a doc-silent code is its choice's default`);
  }
  assert.equal(rules.maxGroupsPerUser.code, ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED);
  assert.equal(rules.maxConversationsWithData.scope('recentcontact/mark_contact'), 'per-item');
  assert.equal(rules.maxSearchItems.choice, 'searchTooMany');
  assert.deepEqual(requestRules('recentcontact/mark_contact').slice(0, 2).map((r) => r.name), ['maxMarkItems', 'maxCustomMarkBytes'], 'the count is checked before the CustomMark');
});

test('a rule measures a value against its range, or against a configured limit', () => {
  const items = rules.maxMarkItems;
  assert.equal(items.violation(items.limit), undefined);
  assert.match(items.violation(items.over) ?? '', new RegExp(`${items.over}`));
  assert.match(items.violation(0) ?? '', /must be 1 to/, 'below the minimum');
  assert.equal(items.violation(items.over, items.over), undefined, 'a configured limit (self-check variants raise it)');
  assert.equal(rules.maxCustomMarkBytes.violation(0), undefined, 'no minimum: "" clears the mark');
});

test("the emulator's defaults are the rules' limits and the choices' defaults", () => {
  const c = defaultConfig();
  for (const [name, value] of Object.entries(c.limits)) assert.equal(value, limits[name as keyof typeof limits], name);
  assert.equal(c.throttle.perSecond, rules.rateLimitPerSecond.limit);
  assert.equal(c.throttle.burst, choices.throttleBurst.default);
  assert.equal(c.throttle.code, choices.throttle.default);
  assert.equal(c.nonAdminCode, choices.nonAdmin.default);
  assert.equal(c.pageSize, choices.pageSize.default);
});

test('a malformed rule table is a clear SchemaError', () => {
  const good = JSON.parse(readFileSync(join(SCHEMA_DIR, 'limits.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'tcim-rules-'));
  const file = join(dir, 'limits.json');
  const write = (data: unknown): string => (writeFileSync(file, JSON.stringify(data)), file);
  const { maxGroupsPerUser: _dropped, ...fewer } = good.rules;
  assert.throws(() => loadRuleTable(write({ ...good, rules: fewer })), (e: unknown) => e instanceof SchemaError && /maxGroupsPerUser/.test(e.message));
  assert.throws(() => loadRuleTable(write({ ...good, rules: { ...good.rules, maxMarkItems: { ...good.rules.maxMarkItems, scope: 'per-item' } } })), /malformed/);
  assert.throws(() => loadRuleTable(write({ ...good, rules: { ...good.rules, maxMarkItems: { ...good.rules.maxMarkItems, choice: 'searchTooMany' } } })), /malformed/, 'a code or a choice, not both');
  writeFileSync(file, '{ not json');
  assert.throws(() => loadRuleTable(file), /not valid JSON/);
});

test('TCIM_EXPECT_*: one reader, defaults from the choices, codes of the error table', () => {
  const e = readExpectations({});
  for (const name of CODE_CHOICES) assert.equal(e[name], choices[name].default, name);
  assert.equal(e.burst, choices.throttleBurst.default);
  assert.equal(expectedCode('throttle', { TCIM_EXPECT_THROTTLE_CODE: String(ErrorCodes.TOO_MANY_REQUESTS) }), ErrorCodes.TOO_MANY_REQUESTS);
  assert.throws(() => expectedCode('throttle', { TCIM_EXPECT_THROTTLE_CODE: String(ErrorCodes.INVALID_PARAMETER) }), (x: unknown) => x instanceof ConfigError && /TCIM_EXPECT_THROTTLE_CODE.*not a throttle code/.test(x.message));
  assert.throws(() => expectedCode('nonAdmin', { TCIM_EXPECT_NON_ADMIN_CODE: '99999' }), /TCIM_EXPECT_NON_ADMIN_CODE=99999 is not in the error table/);
  assert.throws(() => expectedCode('duplicateGroupName', { TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE: 'x' }), /TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE="x" must be a whole number/);
  assert.equal(expectedBurst({ TCIM_EXPECT_THROTTLE_BURST: '0' }), 0);
  assert.throws(() => expectedBurst({ TCIM_EXPECT_THROTTLE_BURST: String((choices.throttleBurst.max ?? 0) + 1) }), /TCIM_EXPECT_THROTTLE_BURST/);
  class Custom extends ConfigError {}
  assert.throws(() => readExpectations({ TCIM_EXPECT_SCOPE_51007: 'sideways' }, Custom), Custom, 'the caller chooses the error class (load: LoadConfigError)');
  assert.equal(readExpectations({ TCIM_EXPECT_SCOPE_51007: 'top-level' }).scope(ErrorCodes.GROUP_ID_CONVERSION_FAILED), 'top-level');
});
