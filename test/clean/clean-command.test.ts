/**
 * `tcim-harness clean` without a ledger: a run given by --run-id is found by its run-scoped names
 * (contracts' tc-<run>-p<i>-<n> per parallelIndex, load's ld-<run>-u<i> including a later segment's
 * slice, their IM groups) and removed, while other runs' and other people's data stays. Also: the
 * production guard and bad options are exit 2 with a clear line, never a stack trace.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CMD, ImClient, loadTargetConfig } from '../../src/client/index.ts';
import { createImGroup, importAccounts, RunData } from '../../src/rundata/index.ts';
import { contractsAccount, contractsFixedAccounts, loadAccount, loadImGroup } from '../../src/rundata/run-names.ts';
import { cleanEnv } from '../contracts/helpers.ts';
import { ADMIN, runCli, runData, SDKAPPID, SECRET, serveEmulator, stagingEnv, state } from './helpers.ts';

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

test('clean --run-id finds a run by its names when the ledger is gone, and leaves everything else', { timeout: 120_000 }, async () => {
  const emu = await serveEmulator();
  const empty = mkdtempSync(join(tmpdir(), 'tcim-clean-noledger-'));
  try {
    const runId = `np${Date.now().toString(36).slice(-6)}`;
    const env = stagingEnv(emu.url, runId);
    const rd = new RunData(new ImClient(loadTargetConfig(env)));
    const contracts = [...range(0, 23).map((n) => contractsAccount(runId, 0, n)), ...range(0, 4).map((n) => contractsAccount(runId, 1, n)), ...contractsFixedAccounts(runId)];
    // A load run of two segments: segment 1's users start at 0, segment 2's (stride 60) at 60.
    const load = [...range(0, 6), ...range(60, 66)].map((i) => loadAccount(runId, i));
    const others = ['someone-else', contractsAccount('zzzz9', 0, 0)];
    await importAccounts(rd, [...contracts, ...load, ...others]);
    const g1 = await createImGroup(rd, `tc-${runId}-g1`, `tc-${runId}-g1`);
    const lg = await createImGroup(rd, loadImGroup(runId, 1, 0), loadImGroup(runId, 1, 0));
    for (const owner of [contracts[0], contracts[22], contracts[25], load[0], load[7], others[1]] as string[]) {
      await rd.ok(CMD.create, { From_Account: owner, GroupContactItem: [{ GroupName: 'kept', ContactItem: [{ Type: 2, ToGroupId: g1 }] }] });
      await rd.ok(CMD.mark, { From_Account: owner, MarkItem: [{ OptType: 1, ContactItem: { Type: 2, ToGroupId: lg }, SetMark: [1] }] });
    }
    const before = await runData(emu.url, runId);
    assert.equal(before.accounts.length, contracts.length + load.length);
    assert.equal(before.users.length, 5);

    const dry = await runCli(['clean', '--dry-run', '--run-id', runId, '--report-dir', empty], env);
    assert.equal(dry.code, 0, dry.output);
    assert.match(dry.output, new RegExp(`run ${runId}: ${contracts.length + load.length} account\\(s\\) to delete, 5 conversation group\\(s\\)`));
    assert.deepEqual(await runData(emu.url, runId), before, '--dry-run changes nothing');

    const clean = await runCli(['clean', '--run-id', runId, '--report-dir', empty], env);
    assert.equal(clean.code, 0, clean.output);
    assert.match(clean.output, new RegExp(`${contracts.length + load.length} account\\(s\\) deleted`));
    assert.match(clean.output, new RegExp(`IM groups: .*${loadImGroup(runId, 1, 0)}`));
    assert.deepEqual(await runData(emu.url, runId), { accounts: [], imGroups: [], users: [] }, 'nothing of the run is left');
    const s = await state(emu.url);
    assert.deepEqual(s.accounts.map((a) => a.UserID).sort(), [...others].sort(), 'other accounts stay');
    assert.equal(s.users[others[1] as string]?.groups.length, 1, "another run's groups stay");
  } finally {
    await emu.stop();
    rmSync(empty, { recursive: true, force: true });
  }
});

test('clean refuses without the production guard, without a target and with a bad run id (exit 2, one clear line)', { timeout: 60_000 }, async () => {
  const base = { TCIM_BASE_URL: 'http://127.0.0.1:9', TCIM_SDKAPPID: SDKAPPID, TCIM_ADMIN: ADMIN, TCIM_SECRET_KEY: SECRET };
  const guard = await runCli(['clean'], cleanEnv(base));
  assert.equal(guard.code, 2, guard.output);
  assert.match(guard.output, /TCIM_ALLOWED_SDKAPPIDS/);
  const other = await runCli(['clean', '--dry-run'], cleanEnv({ ...base, TCIM_ALLOWED_SDKAPPIDS: '1400000001' }));
  assert.equal(other.code, 2, other.output);
  const noTarget = await runCli(['clean'], cleanEnv());
  assert.equal(noTarget.code, 2, noTarget.output);
  assert.match(noTarget.output, /TCIM_BASE_URL/);
  const badId = await runCli(['clean', '--run-id', 'Bad_ID'], cleanEnv({ ...base, TCIM_ALLOWED_SDKAPPIDS: SDKAPPID }));
  assert.equal(badId.code, 2, badId.output);
  assert.match(badId.output, /--run-id/);
  for (const r of [guard, other, noTarget, badId]) {
    assert.doesNotMatch(r.output, /\n\s+at /, 'no stack trace');
    assert.doesNotMatch(r.output, new RegExp(SECRET), 'no secret');
  }
});
