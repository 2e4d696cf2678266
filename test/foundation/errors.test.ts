import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { errorTable, loadErrorTable, lookupError, isThrottleCode, codesForCommand, ErrorCodes } from '../../src/errors/index.ts';
import { SchemaError } from '../../src/schema/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the table holds every code the API family documents and the public codes that matter', () => {
  const required = [50001, 50002, 50003, 50004, 50005, 51006, 51007, 51008, 51009, 51010, 51011, 51012, 51013, 60002, 60003, 60006, 60007, 60010, 60011, 60012, 60016, 60018, 60019, 70001, 70002, 70003, 70009, 70013, 70014];
  for (const code of required) assert.ok(lookupError(code), `missing ${code}`);
});

test('each entry says its category, retryability, commands and source', () => {
  for (const e of errorTable) {
    assert.match(e.doc, /^https:\/\//);
    assert.ok(e.meaning.length > 0);
    if (e.code !== 0) assert.ok(e.commands.length > 0 || e.notTriggerableReason, `${e.code} names no command and no reason`);
  }
  assert.equal(isThrottleCode(ErrorCodes.API_RATE_LIMITED), true);
  assert.equal(isThrottleCode(ErrorCodes.SDKAPPID_RATE_LIMITED), true);
  assert.equal(isThrottleCode(ErrorCodes.INVALID_PARAMETER), false);
  assert.ok(codesForCommand('recentcontact/mark_contact').some((e) => e.code === ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE));
  assert.ok(!codesForCommand('recentcontact/get_contact_group').some((e) => e.code === ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE));
});

test('a malformed table is a clear SchemaError, not a crash later', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-errors-'));
  const bad = join(dir, 'errors.json');
  writeFileSync(bad, JSON.stringify({ description: 'x', categories: {}, errors: [{ code: 'abc' }] }));
  assert.throws(() => loadErrorTable(bad), (e: unknown) => e instanceof SchemaError && /malformed/.test(e.message));
  writeFileSync(bad, '{ not json');
  assert.throws(() => loadErrorTable(bad), (e: unknown) => e instanceof SchemaError && /not valid JSON/.test(e.message));
  const dup = JSON.parse(readFileSync(join(root, 'schemas/errors.json'), 'utf8'));
  dup.errors.push(dup.errors[1]);
  writeFileSync(bad, JSON.stringify(dup));
  assert.throws(() => loadErrorTable(bad), /listed twice/);
});

/** Nothing outside the table and its generated constants writes an error code as a bare literal. */
test('no bare error-code literals in the code', () => {
  const codes = new Set(errorTable.map((e) => e.code).filter((c) => c >= 10000));
  const offenders: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : /\.(ts|js|mjs)$/.test(d.name) ? [join(dir, d.name)] : []));
  const dirs = ['src', 'app', 'contracts', 'load', 'scripts', 'bench'].map((d) => join(root, d));
  for (const dir of dirs) {
    let files: string[] = [];
    try {
      files = walk(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      if (file.includes(`${join('src', 'generated')}`)) continue;
      readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(raw)) return;
        // prose may name a code ("the overview documents 60010"): drop comments and plain string literals
        const line = raw.replace(/\/\/.*$/, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
        for (const m of line.matchAll(/(?<![\w.])(\d{5})(?![\w.])/g)) if (codes.has(Number(m[1]))) offenders.push(`${file.slice(root.length)}:${i + 1}: ${m[1]}`);
      });
    }
  }
  assert.deepEqual(offenders, [], `use ErrorCodes.X instead of:\n${offenders.join('\n')}`);
});
