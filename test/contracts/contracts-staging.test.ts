/**
 * "Staging" mode pointed at a second emulator on another port (with the production guard set): the
 * suites pass, emulator-only tests show as "not triggerable on this target", and the run leaves nothing
 * behind, not even its accounts — read from the emulator's own /_emulator/state afterwards.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { explain, removeReports, runContracts } from './helpers.ts';

interface UserSnapshot {
  groups: unknown[];
  conversations: unknown[];
}

test('staging mode against a second emulator: passes and leaves nothing behind', { timeout: 300_000 }, async () => {
  const emu = await startEmulator({ sdkappid: 1400000777, admin: 'staging_admin', secretKey: 'second-emulator-secret-key-000000000000001' });
  try {
    const runId = `st${Date.now().toString(36).slice(-6)}`;
    const run = await runContracts([], {
      TCIM_BASE_URL: emu.url,
      TCIM_SDKAPPID: '1400000777',
      TCIM_ADMIN: 'staging_admin',
      TCIM_SECRET_KEY: 'second-emulator-secret-key-000000000000001',
      TCIM_ALLOWED_SDKAPPIDS: '1400000001,1400000777',
      TCIM_RUN_ID: runId,
    });
    assert.equal(run.code, 0, explain(run));
    assert.equal(run.coverage?.gate, 'pass', run.coverage?.gateReason);
    assert.match(run.output, /contracts \(staging, run /);

    const cells = run.coverage?.cells ?? [];
    const throttle = cells.find((c) => c.code === ErrorCodes.API_RATE_LIMITED && c.command === 'recentcontact/mark_contact');
    assert.equal(throttle?.status, 'not-triggerable');
    assert.match(throttle?.reason ?? '', /load/);
    assert.equal(cells.find((c) => c.code === ErrorCodes.EDITION_NOT_SUPPORTED && c.command === 'recentcontact/create_contact_group')?.status, 'not-triggerable');
    assert.equal(cells.find((c) => c.code === ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED)?.status, 'passed');

    const leak = /(\d+) accounts checked, 0 with leftovers; (\d+) deleted, 0 still present/.exec(readFileSync(join(run.reportDir, 'results.json'), 'utf8'));
    assert.ok(leak, 'the teardown reports a clean leak check');
    assert.ok(Number(leak[2]) > 10 && leak[2] === leak[1], `the run used accounts and the teardown deleted every one (${leak[0]})`);
    const res = await fetch(`${emu.url}/_emulator/state`);
    const state = (await res.json()) as { accounts: { UserID: string }[]; imGroups: { GroupId: string }[]; users: Record<string, UserSnapshot> };
    const leftovers = Object.entries(state.users).filter(([, u]) => u.groups.length > 0 || u.conversations.length > 0).map(([id]) => id);
    assert.deepEqual(leftovers, [], 'no conversation group or mark left in any account');
    assert.deepEqual(Object.keys(state.users), [], 'no per-user data left');
    assert.deepEqual(state.imGroups.filter((g) => g.GroupId.includes(runId)), [], 'every run IM group destroyed');
    assert.deepEqual(state.accounts, [], 'every run account deleted, nothing outside the run created');
    removeReports(run);
  } finally {
    await emu.stop();
  }
});
