/**
 * "Staging" mode pointed at a second emulator on another port (with the production guard set): the
 * suites pass, emulator-only tests show as "not triggerable on this target", and the run leaves nothing
 * behind — read from the emulator's own /_emulator/state afterwards.
 */
import assert from 'node:assert/strict';
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

    const res = await fetch(`${emu.url}/_emulator/state`);
    const state = (await res.json()) as { accounts: { UserID: string }[]; imGroups: { GroupId: string }[]; users: Record<string, UserSnapshot> };
    const runUsers = Object.entries(state.users).filter(([id]) => id.includes(runId));
    assert.ok(runUsers.length > 10, `the run used accounts (${runUsers.length})`);
    const leftovers = runUsers.filter(([, u]) => u.groups.length > 0 || u.conversations.length > 0).map(([id]) => id);
    assert.deepEqual(leftovers, [], 'no conversation group or mark left in any run account');
    assert.deepEqual(state.imGroups.filter((g) => g.GroupId.includes(runId)), [], 'every run IM group destroyed');
    assert.ok(state.accounts.every((a) => a.UserID.includes(runId)), 'nothing outside the run was created');
    removeReports(run);
  } finally {
    await emu.stop();
  }
});
