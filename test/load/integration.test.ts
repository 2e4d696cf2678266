/**
 * Load runs against the embedded emulator (a child process) and a loopback emulator: profiles pass
 * or fail as they should, exit codes, two segments adding up to the target rate. About a minute.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { formatSummary } from '../../load/report/format.ts';
import { runLoad, type LoadRunOptions } from '../../load/run.ts';
import type { LoadSummary } from '../../load/report/summary.ts';
import { cleanEnv, freePort, loadCli as cli } from './load-cli-child.ts';

const reports = mkdtempSync(join(tmpdir(), 'tcim-load-it-'));
after(() => rmSync(reports, { recursive: true, force: true }));

async function run(o: Omit<LoadRunOptions, 'env' | 'reportDir'> & { env?: Record<string, string> }) {
  const lines: string[] = [];
  const res = await runLoad({ ...o, env: cleanEnv(o.env), reportDir: join(reports, String(Math.random()).slice(2, 8)), log: (l) => lines.push(l) });
  return { ...res, lines };
}

const failedChecks = (s: LoadSummary): string[] => [...new Set(s.checks.filter((c) => !c.passed).map((c) => c.name))].sort();

/** Checks that depend on the machine keeping pace (this runs on shared CI machines). */
const PACING = new Set(['late_starts', 'rate_achieved', 'all_calls_sent']);

/** The generator stalled: some start was later than its late-start limit (normal jitter is < 10 ms). */
const stalled = (s: LoadSummary): boolean => Object.values(s.commands).some((c) => c.late > 0);

/**
 * The run passed — or only pacing checks failed while the load generator visibly stalled (late
 * starts, i.e. the shared machine was overloaded, which the report shows) and the contract checks
 * this test is about still passed.
 */
function assertPassed(s: LoadSummary, t: { diagnostic(m: string): void }): void {
  const failed = failedChecks(s);
  if (failed.length === 0) return assert.equal(s.exitCode, 0);
  const starved = stalled(s);
  assert.ok(starved && failed.every((f) => PACING.has(f)), `failed: ${failed.join(', ')}; ${s.checks.filter((c) => !c.passed).map((c) => `${c.command} ${c.name}: ${c.observed}`).join('; ')}`);
  t.diagnostic(`machine overloaded: pacing checks failed (${failed.join(', ')}), contract checks passed`);
}

/** The failed checks apart from pacing ones of a starved generator. */
const contractFailures = (s: LoadSummary): string[] => failedChecks(s).filter((f) => !PACING.has(f));

test('smoke: every command once per second, everything OK, nothing left behind', async (t) => {
  const r = await run({ profile: 'smoke', durationMs: 5000 });
  assertPassed(r.summary, t);
  assert.equal(r.summary.totals.calls, 30);
  assert.equal(r.summary.totals.ok, 30);
  assert.equal(r.summary.leakCheck?.passed, true);
  const leak = r.summary.leakCheck;
  assert.ok(leak && leak.checkedUsers > 0 && leak.accountsDeleted === leak.checkedUsers && leak.leftoverAccounts === 0, JSON.stringify(leak));
  assert.match(formatSummary(r.summary), new RegExp(`leak check: nothing left \\(${leak.checkedUsers} users, 0 groups, 0 conversations; ${leak.checkedUsers} accounts deleted\\)`));
  assert.ok(r.summary.emulator && r.summary.emulator.cpuSeconds !== null);
  for (const f of Object.values(r.files)) assert.ok(existsSync(f), f);
  assert.ok(r.lines.some((l) => /calls \d+ {2}rate \d+\/s/.test(l)), r.lines.join('\n'));
});

test(`over (5 s): throttled share ≈ 1/3 per command, only ${ErrorCodes.API_RATE_LIMITED}, churn consequences counted apart — passes`, async (t) => {
  const r = await run({ profile: 'over', durationMs: 5000 });
  assertPassed(r.summary, t);
  for (const c of Object.values(r.summary.commands)) {
    assert.ok(c.throttledShare > 0.29 && c.throttledShare < 0.36, `${c.command}: ${c.throttledShare}`);
    assert.deepEqual(Object.keys(c.throttleCodes), [String(ErrorCodes.API_RATE_LIMITED)]);
  }
  const del = r.summary.commands['recentcontact/del_contact_group'];
  assert.ok((del?.consequences[ErrorCodes.CONTACT_GROUP_NOT_FOUND] ?? 0) > 0);
  assert.equal(r.summary.totals.contractErrors, 0);
});

test('at (5 s): 200/s per command, zero throttled — passes', async (t) => {
  const r = await run({ profile: 'at', durationMs: 5000 });
  assertPassed(r.summary, t);
  assert.equal(r.summary.totals.throttled, 0);
  assert.ok(r.summary.totals.calls >= 5940 && r.summary.totals.calls <= 6001, String(r.summary.totals.calls));
});

test('over against an emulator without throttling fails the threshold (exit 1)', async () => {
  const r = await run({ profile: 'over', durationMs: 3000, commands: ['recentcontact/get_contact_group', 'recentcontact/mark_contact'], emulatorConfig: { throttle: { enabled: false } } });
  assert.equal(r.exitCode, 1);
  assert.deepEqual(contractFailures(r.summary), ['throttled_share']);
});

test('over: another throttle code fails when TCIM_EXPECT_THROTTLE_CODE pins one (exit 1), and is a doc-allowed answer when unset', async (t) => {
  const r = await run({ profile: 'over', durationMs: 3000, commands: ['recentcontact/get_contact_group', 'recentcontact/mark_contact'], emulatorConfig: { throttle: { code: ErrorCodes.TOO_MANY_REQUESTS } }, env: { TCIM_EXPECT_THROTTLE_CODE: String(ErrorCodes.API_RATE_LIMITED) } });
  assert.equal(r.exitCode, 1);
  assert.deepEqual(contractFailures(r.summary), ['throttle_code']);
  const ok = await run({ profile: 'over', durationMs: 3000, commands: ['recentcontact/get_contact_group'], emulatorConfig: { throttle: { code: ErrorCodes.TOO_MANY_REQUESTS } } });
  assertPassed(ok.summary, t);
});

test('CLI: target down → exit 3 with an inconclusive summary; config errors → exit 2', async () => {
  const port = await freePort();
  const dir = join(reports, 'down');
  const target = { TCIM_BASE_URL: `http://127.0.0.1:${port}`, TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'administrator', TCIM_SECRET_KEY: 'any-secret-key-1234', TCIM_ALLOWED_SDKAPPIDS: '1400000001' };
  const down = await cli(['--profile', 'smoke', '--duration', '2s', '--report-dir', dir], cleanEnv(target));
  assert.equal(down.code, 3, down.stderr);
  assert.match(down.stdout, /INCONCLUSIVE/);
  assert.equal((JSON.parse(readFileSync(join(dir, 'smoke', 'summary.json'), 'utf8')) as LoadSummary).verdict, 'inconclusive');
  assert.ok(!down.stdout.includes('any-secret-key-1234') && !down.stderr.includes('any-secret-key-1234'));
  const noVegeta = await cli(['--profile', 'smoke'], cleanEnv({ TCIM_VEGETA: '/nonexistent/vegeta' }));
  assert.equal(noVegeta.code, 2);
  assert.match(noVegeta.stderr, /tcim-harness setup/);
  const { TCIM_ALLOWED_SDKAPPIDS: _a, ...unguarded } = target;
  const guard = await cli(['--profile', 'smoke'], cleanEnv(unguarded));
  assert.equal(guard.code, 2);
  assert.match(guard.stderr, /TCIM_ALLOWED_SDKAPPIDS/);
  const bad = await cli(['--profile', 'smoke', '--duration', '2h'], cleanEnv());
  assert.equal(bad.code, 2);
});

test('two segments on loopback against one emulator add up to the target rate', async (t) => {
  const emu = await startEmulator({ logger: () => {} });
  try {
    const env = cleanEnv({ TCIM_BASE_URL: emu.url, TCIM_SDKAPPID: String(emu.sdkappid), TCIM_ADMIN: emu.admin, TCIM_SECRET_KEY: emu.secretKey, TCIM_ALLOWED_SDKAPPIDS: String(emu.sdkappid) });
    const dir = join(reports, 'segments');
    const startAt = new Date(Date.now() + 7000).toISOString();
    const common = ['--profile', 'at', '--rate', '100', '--commands', 'get,search,mark,update', '--duration', '4s', '--run-id', 'segtest', '--start-at', startAt, '--report-dir', dir];
    const [a, b] = await Promise.all([cli([...common, '--segment', '1/2'], env), cli([...common, '--segment', '2/2'], env)]);
    assert.ok(a.code === 0 || a.code === 1, a.stdout + a.stderr);
    assert.ok(b.code === 0 || b.code === 1, b.stdout + b.stderr);
    const merged = await cli(['merge', join(dir, 'at', 'segment-1-of-2'), join(dir, 'at', 'segment-2-of-2'), '--json'], env);
    const s = JSON.parse(merged.stdout) as LoadSummary;
    assertPassed(s, t);
    assert.equal(merged.code, s.exitCode);
    assert.equal(s.merged, true);
    const starved = stalled(s);
    for (const c of Object.values(s.commands)) {
      assert.equal(c.targetRate, 100);
      if (!starved) assert.ok(Math.abs(c.achievedRate - 100) <= 1, `${c.command}: ${c.achievedRate}`);
      assert.ok(c.calls >= 394 && c.calls <= 402, `${c.command}: ${c.calls}`);
    }
    // search_contact_group is used only by the attack, so the emulator's own count is the combined load
    const stats = emu.control.stats() as { byCommand: Record<string, { calls: number }> };
    const served = stats.byCommand['recentcontact/search_contact_group']?.calls ?? 0;
    assert.ok(served >= 394 && served <= 402, `emulator served ${served} searches`);
    assert.equal(s.leakCheck?.leftoverAccounts, 0);
    assert.ok((s.leakCheck?.accountsDeleted ?? 0) > 0, 'both segments deleted their accounts');
    assert.deepEqual(emu.control.state().accounts, [], 'no run account left on the target');
    assert.ok(existsSync(join(dir, 'at', 'summary.json')));
  } finally {
    await emu.stop();
  }
});
