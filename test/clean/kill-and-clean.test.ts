/**
 * Nothing left behind: a staging-mode contract run (against `tcim-harness emulator` in its own process,
 * guard set) is killed with SIGKILL midway — the CLI, Playwright and its workers, no teardown at all —
 * and `tcim-harness clean` then removes every account, group, mark and IM group of that run, read
 * from the emulator's own /_emulator/state. `--dry-run` lists the same and changes nothing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, runData, serveEmulator, stagingEnv, startCli, state, waitFor } from './helpers.ts';

test('a staging run killed with SIGKILL midway: clean leaves nothing of it', { timeout: 300_000 }, async () => {
  const emu = await serveEmulator();
  const reports = mkdtempSync(join(tmpdir(), 'tcim-clean-'));
  try {
    const runId = `kc${Date.now().toString(36).slice(-6)}`;
    const env = stagingEnv(emu.url, runId);
    const cli = startCli(['contracts', '--report-dir', join(reports, 'contracts')], env);
    // Midway: the set-up is done and tests have written groups and marks to several accounts.
    await waitFor('the run to be midway', async () => (await runData(emu.url, runId)).users.length >= 6 || cli.child.exitCode !== null);
    assert.equal(cli.child.exitCode, null, `the run ended before it could be killed:\n${cli.output()}`);
    process.kill(-(cli.child.pid as number), 'SIGKILL');
    const exit = await cli.exited;
    assert.equal(exit.signal, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500)); // calls in flight when the workers died have landed
    const left = await runData(emu.url, runId);
    assert.ok(left.accounts.length > 10 && left.users.length > 0 && left.imGroups.length > 0, `the killed run left data behind: ${JSON.stringify({ accounts: left.accounts.length, users: left.users.length, imGroups: left.imGroups })}`);
    assert.ok(existsSync(join(reports, 'contracts/.ledger', `${runId}.jsonl`)), 'the ledger was written');

    const dry = await runCli(['clean', '--dry-run', '--report-dir', reports], env);
    assert.equal(dry.code, 0, dry.output);
    assert.match(dry.output, new RegExp(`run ${runId}: ${left.accounts.length} account\\(s\\) to delete`));
    assert.match(dry.output, new RegExp(`tc-${runId}-p0-0`));
    assert.deepEqual(await runData(emu.url, runId), left, '--dry-run changes nothing');
    assert.ok(existsSync(join(reports, 'contracts/.ledger', `${runId}.jsonl`)), '--dry-run keeps the ledger');

    const clean = await runCli(['clean', '--report-dir', reports], env);
    assert.equal(clean.code, 0, clean.output);
    assert.match(clean.output, new RegExp(`run ${runId}: ${left.accounts.length} account\\(s\\) deleted`));
    assert.match(clean.output, /clean: nothing left/);
    assert.doesNotMatch(clean.output, /clean-test-emulator-secret-key|usersig=/i, 'no secret in the output');
    assert.deepEqual(await runData(emu.url, runId), { accounts: [], imGroups: [], users: [] }, 'nothing of the run is left');
    assert.deepEqual((await state(emu.url)).accounts, [], 'no account at all is left');
    assert.deepEqual(readdirSync(join(reports, 'contracts/.ledger')).filter((f) => f.startsWith(runId)), [], 'the ledger files are removed');

    const again = await runCli(['clean', '--report-dir', reports], env);
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /no ledger found/);
  } finally {
    await emu.stop();
    rmSync(reports, { recursive: true, force: true });
  }
});
