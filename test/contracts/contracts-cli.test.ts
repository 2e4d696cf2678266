/**
 * The contracts CLI end to end against the embedded emulator: an untouched emulator passes (exit 0,
 * coverage gate pass, reports written, no secret in them); configuration problems exit 2 before
 * anything starts; a target that is down exits 3 (inconclusive), never 1.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { EMULATOR_DEFAULTS } from '../../src/emulator/index.ts';
import { decodeUserSig } from '../../src/usersig/index.ts';
import { explain, removeReports, reportText, runContracts } from './helpers.ts';

const STAGING = { TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'administrator', TCIM_SECRET_KEY: 'harness-test-secret-key-0000000000000001' };

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('untouched emulator: every contract passes, the coverage gate passes, reports carry no secret', { timeout: 300_000 }, async () => {
  const run = await runContracts([]);
  assert.equal(run.code, 0, explain(run));
  assert.equal(run.coverage?.gate, 'pass', run.coverage?.gateReason);
  assert.ok(run.verdict.counts.passed > 150, `passed: ${run.verdict.counts.passed}`);
  assert.deepEqual(run.verdict.failed, []);
  for (const f of ['junit.xml', 'results.json', 'coverage.json', 'coverage.md', 'html/index.html']) assert.ok(existsSync(join(run.reportDir, f)), `${f} written`);
  const cells = run.coverage?.cells ?? [];
  assert.ok(cells.length > 100 && cells.every((c) => c.status === 'passed' || c.status === 'not-triggerable'), 'every cell passed or explained');
  const text = reportText(run.reportDir);
  assert.ok(!text.includes(EMULATOR_DEFAULTS.secretKey), 'the secret key is not in any report');
  const sigs = (text.match(/eJ[A-Za-z0-9*_-]{60,}/g) ?? []).filter((s) => decodeUserSig(s) !== undefined);
  assert.deepEqual(sigs, [], 'no UserSig in any report');
  assert.match(run.output, /coverage gate: PASS/);
  removeReports(run);
});

test('bad environment → exit 2 with the variable named', { timeout: 60_000 }, async () => {
  const emulatorMode = await runContracts([], { TCIM_SDKAPPID: 'abc' });
  assert.equal(emulatorMode.code, 2, explain(emulatorMode));
  assert.match(emulatorMode.output, /TCIM_SDKAPPID="abc"/);
  const stagingMode = await runContracts([], { ...STAGING, TCIM_BASE_URL: 'http://127.0.0.1:9', TCIM_SDKAPPID: 'abc', TCIM_ALLOWED_SDKAPPIDS: '1400000001' });
  assert.equal(stagingMode.code, 2, explain(stagingMode));
  assert.match(stagingMode.output, /TCIM_SDKAPPID/);
  const budget = await runContracts([], { TCIM_RATE_BUDGET: '-5' });
  assert.equal(budget.code, 2, explain(budget));
  assert.match(budget.output, /TCIM_RATE_BUDGET/);
  const expectation = await runContracts([], { TCIM_EXPECT_THROTTLE_CODE: '12345' });
  assert.equal(expectation.code, 2, explain(expectation));
  assert.match(expectation.output, /TCIM_EXPECT_THROTTLE_CODE/);
  removeReports(emulatorMode, stagingMode, budget, expectation);
});

test('staging mode without the production guard → exit 2, nothing is called', { timeout: 60_000 }, async () => {
  const run = await runContracts([], { ...STAGING, TCIM_BASE_URL: 'http://127.0.0.1:9' });
  assert.equal(run.code, 2, explain(run));
  assert.match(run.output, /refusing to run against SDKAppID 1400000001.*TCIM_ALLOWED_SDKAPPIDS/s);
  assert.ok(!existsSync(join(run.reportDir, 'results.json')), 'Playwright never started');
  removeReports(run);
});

test('an unknown emulator variant → exit 2', { timeout: 60_000 }, async () => {
  const run = await runContracts([], { TCIM_EMULATOR_VARIANT: 'no-such-variant' });
  assert.equal(run.code, 2, explain(run));
  assert.match(run.output, /no-such-variant/);
  removeReports(run);
});

test('a target that is down → exit 3 (inconclusive), not a contract failure', { timeout: 120_000 }, async () => {
  const port = await closedPort();
  const run = await runContracts([], { ...STAGING, TCIM_BASE_URL: `http://127.0.0.1:${port}`, TCIM_ALLOWED_SDKAPPIDS: '1400000001' });
  assert.equal(run.code, 3, explain(run));
  assert.deepEqual(run.verdict.failed, []);
  assert.ok(run.verdict.inconclusive.some((t) => t.includes('[setup]')), 'the setup project is inconclusive');
  assert.match(run.output, /exit 3: .*inconclusive/);
  removeReports(run);
});
