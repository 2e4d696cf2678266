/**
 * SIGINT / SIGTERM during a staging-mode `contracts` and `load` run: no new calls, the teardown runs
 * (Playwright is stopped through the forwarded signal, then the CLI cleans from the ledger; load stops
 * vegeta and tears its pool down), a line says what was removed, and the exit code is 130 / 143.
 * The emulator's own /_emulator/state shows nothing of the run is left.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runData, serveEmulator, stagingEnv, startCli, waitFor } from './helpers.ts';

test('SIGINT during a staging contracts run: teardown, a line saying what was removed, exit 130', { timeout: 240_000 }, async () => {
  const emu = await serveEmulator();
  const reports = mkdtempSync(join(tmpdir(), 'tcim-sigint-'));
  try {
    const runId = `si${Date.now().toString(36).slice(-6)}`;
    const cli = startCli(['contracts', '--report-dir', join(reports, 'contracts')], stagingEnv(emu.url, runId));
    await waitFor('the run to be midway', async () => (await runData(emu.url, runId)).users.length >= 4 || cli.child.exitCode !== null);
    assert.equal(cli.child.exitCode, null, `the run ended before the signal:\n${cli.output()}`);
    process.kill(cli.child.pid as number, 'SIGINT'); // the CLI only, as `kill -INT`: it forwards the signal to Playwright
    const exit = await cli.exited;
    const out = cli.output();
    assert.equal(exit.code, 130, out);
    assert.match(out, /SIGINT received — no new calls; tearing down/);
    assert.match(out, new RegExp(`(teardown: run ${runId}: \\d+ account\\(s\\) deleted|run ${runId} had completed its own teardown)`));
    assert.match(out, new RegExp(`teardown: nothing of run ${runId} is left\\. Exit 130`));
    assert.deepEqual(await runData(emu.url, runId), { accounts: [], imGroups: [], users: [] }, 'nothing of the run is left');
  } finally {
    await emu.stop();
    rmSync(reports, { recursive: true, force: true });
  }
});

test('SIGTERM during a staging load run: vegeta stopped, pool torn down, a line saying what was removed, exit 143', { timeout: 180_000 }, async () => {
  const emu = await serveEmulator();
  const reports = mkdtempSync(join(tmpdir(), 'tcim-sigterm-'));
  try {
    const runId = `lt${Date.now().toString(36).slice(-6)}`;
    const cli = startCli(['load', '--profile', 'smoke', '--duration', '60s', '--run-id', runId, '--report-dir', join(reports, 'load')], stagingEnv(emu.url, runId));
    await waitFor('the attack to start', () => /smoke: \d+\/s for 60s/.test(cli.output()) || cli.child.exitCode !== null, 90_000);
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(cli.child.exitCode, null, `the run ended before the signal:\n${cli.output()}`);
    assert.ok((await runData(emu.url, runId)).accounts.length > 0, 'the run set up its accounts');
    const t0 = Date.now();
    process.kill(cli.child.pid as number, 'SIGTERM');
    const exit = await cli.exited;
    const out = cli.output();
    assert.equal(exit.code, 143, out);
    assert.ok(Date.now() - t0 < 45_000, `stopped within a bound, not after the 60 s attack (${Date.now() - t0} ms)`);
    assert.match(out, /SIGTERM received — no new calls; tearing down/);
    assert.match(out, new RegExp(`teardown of run ${runId}: removed \\d+ account\\(s\\) ld-${runId}-u… .*nothing left\\. Exit 143`));
    assert.deepEqual(await runData(emu.url, runId), { accounts: [], imGroups: [], users: [] }, 'nothing of the run is left');
  } finally {
    await emu.stop();
    rmSync(reports, { recursive: true, force: true });
  }
});

test('SIGTERM during `run` (its contract step): that step tears down, no further step starts, exit 143', { timeout: 240_000 }, async () => {
  const emu = await serveEmulator();
  const reports = mkdtempSync(join(tmpdir(), 'tcim-runsig-'));
  try {
    const runId = `rs${Date.now().toString(36).slice(-6)}`;
    // in a project directory of its own: `run` on a staging app without tcim.expect.json calibrates first and writes one there
    const cli = startCli(['run', '--profiles', 'smoke', '--duration', '10s', '--report-dir', reports], stagingEnv(emu.url, runId), reports);
    await waitFor('the contract step to be midway', async () => (await runData(emu.url, runId)).users.length >= 2 || cli.child.exitCode !== null);
    assert.equal(cli.child.exitCode, null, `the run ended before the signal:\n${cli.output()}`);
    process.kill(cli.child.pid as number, 'SIGTERM');
    const exit = await cli.exited;
    const out = cli.output();
    assert.equal(exit.code, 143, out);
    assert.match(out, /tcim-harness run › contracts: SIGTERM received/);
    assert.match(out, new RegExp(`teardown: nothing of run ${runId} is left\\. Exit 143`));
    assert.match(out, /\[tcim-harness run\] interrupted \(exit 143\)/);
    assert.doesNotMatch(out, /load profile smoke/, 'the load step never started');
    assert.deepEqual(await runData(emu.url, runId), { accounts: [], imGroups: [], users: [] }, 'nothing of the run is left');
  } finally {
    await emu.stop();
    rmSync(reports, { recursive: true, force: true });
  }
});
