/** Unit tests of the contract harness's pure parts: names, marks, expectations, settings, coverage gate, verdict. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../src/client/config.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { utf8Length } from '../../src/schema/index.ts';
import { judge, type JsonReport } from '../../contracts/results/verdict.ts';
import { buildMatrix, type TestFacts } from '../../contracts/coverage/matrix.ts';
import { loadExpectations } from '../../contracts/expectations.ts';
import { resolveRunSettings } from '../../contracts/support/env.ts';
import { choicesStrict } from '../../contracts/support/choice.ts';
import { bitsOf, formOf, markOf } from '../../contracts/support/items.ts';
import { pinnedCode } from '../../src/rules/index.ts';
import { nameOfBytes, textOfBytes, type CharWidth } from '../../contracts/support/names.ts';

test('names of exactly N bytes end with a character of the requested width', () => {
  for (const width of [1, 2, 3, 4] as CharWidth[]) {
    for (const total of [31, 32, 33]) {
      const name = nameOfBytes('abcd1234', total, width);
      assert.equal(utf8Length(name), total);
      assert.equal(utf8Length([...name].at(-1) ?? ''), width);
      assert.ok(name.startsWith('abcd1234-'), 'carries the run id');
    }
  }
  assert.equal(utf8Length(textOfBytes(256)), 256);
  assert.equal(utf8Length(textOfBytes(257)), 257);
});

test('standard-mark strings: bit 0 is the rightmost character', () => {
  assert.equal(markOf([0, 3]), '1001');
  assert.deepEqual(bitsOf('111001'), [0, 3, 4, 5]);
  assert.deepEqual(bitsOf(markOf([0, 32, 63])), [0, 32, 63]);
  assert.deepEqual(bitsOf('011111110'), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(markOf([]), '');
});

test('standard-mark forms: either end as bit 0, trimmed or padded to 64; the probe tells them apart', () => {
  assert.deepEqual(bitsOf('100000', 'lsb-left'), [0]);
  assert.deepEqual(bitsOf('000001', 'lsb-left'), [5]);
  assert.equal(markOf([0, 3], { order: 'lsb-left', padding: 'trim' }), '1001');
  assert.equal(markOf([1], { order: 'lsb-left', padding: 'trim' }), '01');
  assert.equal(markOf([1], { order: 'lsb-right', padding: 'pad-64' }), `${'0'.repeat(62)}10`);
  assert.equal(markOf([], { order: 'lsb-right', padding: 'pad-64' }), '0'.repeat(64));
  for (const order of ['lsb-right', 'lsb-left'] as const) {
    for (const padding of ['trim', 'pad-64'] as const) {
      const form = { order, padding };
      assert.deepEqual(formOf(markOf([5], form), 5), form, `${order} ${padding}`);
      assert.deepEqual(bitsOf(markOf([0, 1, 33, 63], form), order), [0, 1, 33, 63]);
    }
  }
  assert.equal(formOf('0000010', 5)?.padding, 'other', 'leading zeros that are not a 64-bit pad');
  assert.equal(formOf('11', 5), undefined, 'a string that reads as bit 5 from neither end');
  assert.equal(formOf(undefined, 5), undefined);
});

test('doc-silent choices: asserted on the default emulator and its mutants, drift on staging and benign variants', async () => {
  const base = { TCIM_RUN_ID: 'abcd1234' };
  assert.equal(await choicesStrict(base), true);
  assert.equal(await choicesStrict({ ...base, TCIM_EMULATOR_VARIANT: 'group-limit-21' }), true, 'a mutant differs only where the docs speak');
  assert.equal(await choicesStrict({ ...base, TCIM_EMULATOR_VARIANT: 'mark-bits-lsb-left' }), false, 'a benign variant');
  assert.equal(await choicesStrict({ ...base, TCIM_BASE_URL: 'https://x.example' }), false);
  assert.equal(await choicesStrict({ ...base, TCIM_BASE_URL: 'https://x.example', TCIM_STRICT: '1' }), true);
  assert.equal(await choicesStrict({ ...base, TCIM_EMULATOR_VARIANT: 'mark-bits-lsb-left', TCIM_STRICT: '1' }), true);
  assert.equal(pinnedCode('nonAdmin', {}), undefined, 'unset: either documented code');
  assert.equal(pinnedCode('nonAdmin', { TCIM_EXPECT_NON_ADMIN_CODE: String(ErrorCodes.ADMIN_REQUIRED) }), ErrorCodes.ADMIN_REQUIRED);
  assert.throws(() => pinnedCode('nonAdmin', { TCIM_EXPECT_NON_ADMIN_CODE: 'x' }), ConfigError);
});

test('expectations: schema defaults, overrides must be documented codes, per-command scopes', () => {
  const e = loadExpectations({});
  assert.equal(e.nonAdmin, ErrorCodes.ADMIN_PERMISSION_REQUIRED);
  assert.equal(e.throttle, ErrorCodes.API_RATE_LIMITED);
  assert.equal(e.customMarkTooLong, ErrorCodes.INVALID_PARAMETER);
  assert.equal(loadExpectations({ TCIM_EXPECT_NON_ADMIN_CODE: String(ErrorCodes.ADMIN_REQUIRED) }).nonAdmin, ErrorCodes.ADMIN_REQUIRED);
  assert.throws(() => loadExpectations({ TCIM_EXPECT_THROTTLE_CODE: '99999' }), ConfigError);
  assert.throws(() => loadExpectations({ TCIM_EXPECT_THROTTLE_CODE: 'fast' }), ConfigError);
  assert.equal(e.scope(ErrorCodes.GROUP_ID_CONVERSION_FAILED), 'per-item');
  assert.equal(e.scope(ErrorCodes.EDITION_NOT_SUPPORTED, 'recentcontact/create_contact_group'), 'top-level');
  assert.equal(e.scope(ErrorCodes.EDITION_NOT_SUPPORTED, 'recentcontact/mark_contact'), 'per-item');
  assert.equal(loadExpectations({ TCIM_EXPECT_SCOPE_51007: 'top-level' }).scope(ErrorCodes.GROUP_ID_CONVERSION_FAILED), 'top-level');
  assert.throws(() => loadExpectations({ TCIM_EXPECT_SCOPE_51007: 'sideways' }), ConfigError);
});

test('run settings: the budget is split across workers; bad values are ConfigErrors', () => {
  const s = resolveRunSettings({ TCIM_RUN_ID: 'abcd1234', TCIM_RATE_BUDGET: '150', TCIM_WORKERS: '3' });
  assert.equal(s.kind, 'emulator');
  assert.equal(s.perWorkerBudget, 50);
  assert.equal(s.strict, true);
  const staging = resolveRunSettings({ TCIM_RUN_ID: 'abcd1234', TCIM_BASE_URL: 'https://x.example' });
  assert.equal(staging.kind, 'staging');
  assert.equal(staging.strict, false);
  assert.equal(resolveRunSettings({ TCIM_RUN_ID: 'abcd1234', TCIM_BASE_URL: 'https://x.example', TCIM_STRICT: '1' }).strict, true);
  assert.throws(() => resolveRunSettings({ TCIM_RUN_ID: 'NOT OK' }), ConfigError);
  assert.throws(() => resolveRunSettings({ TCIM_RUN_ID: 'abcd1234', TCIM_RATE_BUDGET: '0' }), ConfigError);
  assert.throws(() => resolveRunSettings({ TCIM_RUN_ID: 'abcd1234', TCIM_WORKERS: 'many' }), ConfigError);
});

const fact = (covers: string[], status: string, extra: Partial<TestFacts> = {}): TestFacts => ({ title: covers.join(','), status, covers, observed: [], inconclusive: false, ...extra });

test('coverage gate: a documented code × command without a test fails; skipped-with-reason is "not triggerable"', () => {
  const none = buildMatrix([fact(['0 recentcontact/get_contact_group'], 'passed')], { partial: false });
  assert.equal(none.gate, 'fail');
  assert.ok(none.cells.some((c) => c.code === ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED && c.status === 'untested'));
  assert.ok(none.notApplicable.some((n) => n.code === ErrorCodes.PINNED_LIMIT_EXCEEDED), 'PINNED_LIMIT_EXCEEDED belongs to no command of the family');
  const all = buildMatrix(
    none.cells.map((c) => fact([`${c.code} ${c.command}`], c.code === ErrorCodes.SDKAPPID_DISABLED ? 'skipped' : 'passed', c.code === ErrorCodes.SDKAPPID_DISABLED ? { skipReason: 'not triggerable on this target: needs a disabled app' } : {})),
    { partial: false },
  );
  assert.equal(all.gate, 'pass', all.gateReason);
  const disabled = all.cells.find((c) => c.code === ErrorCodes.SDKAPPID_DISABLED);
  assert.equal(disabled?.status, 'not-triggerable');
  assert.equal(disabled?.reason, 'needs a disabled app');
  assert.equal(buildMatrix([], { partial: false }).gate, 'incomplete');
  assert.equal(buildMatrix([fact(['0 recentcontact/get_contact_group'], 'passed')], { partial: true }).gate, 'partial');
});

const report = (tests: { status: 'expected' | 'unexpected' | 'skipped'; project?: string; annotations?: string[]; message?: string }[], errors: string[] = []): JsonReport => ({
  errors: errors.map((message) => ({ message })),
  suites: [
    {
      title: 'a.spec.ts',
      specs: tests.map((t, i) => ({
        title: `t${i}`,
        tests: [{ projectName: t.project ?? 'emulator', status: t.status, annotations: (t.annotations ?? []).map((type) => ({ type })), results: [{ status: t.status === 'expected' ? 'passed' : 'failed', errors: t.message ? [{ message: t.message }] : [] }] }],
      })),
    },
  ],
});
const pass = { gate: 'pass' as const, gateReason: '' };

test('verdict: 0 pass, 1 contract or gate failure, 2 harness / nothing ran, 3 only inconclusive', () => {
  assert.equal(judge(report([{ status: 'expected' }]), pass).exit, 0);
  assert.equal(judge(report([{ status: 'expected' }, { status: 'unexpected' }]), pass).exit, 1);
  assert.equal(judge(report([{ status: 'expected' }]), { gate: 'fail', gateReason: 'x' }).exit, 1);
  assert.equal(judge(report([{ status: 'unexpected', annotations: ['inconclusive'] }, { status: 'expected' }]), pass).exit, 3);
  assert.equal(judge(report([{ status: 'unexpected', message: 'InconclusiveError: throttled' }]), pass).exit, 3);
  assert.equal(judge(report([{ status: 'unexpected', annotations: ['inconclusive'] }, { status: 'unexpected' }]), pass).exit, 1);
  assert.equal(judge(report([{ status: 'skipped' }, { status: 'expected', project: 'setup' }]), pass).exit, 2, 'nothing ran');
  assert.equal(judge(report([], ['Error: globalSetup failed']), { gate: 'incomplete', gateReason: '' }).exit, 2);
  assert.equal(judge(report([{ status: 'unexpected', annotations: ['config-error'] }]), pass).exit, 2);
  assert.equal(judge(undefined, undefined).exit, 2);
});
