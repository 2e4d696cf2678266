/**
 * `clean` finds a run without its ledger only by the names the sides give what they create; these are
 * written twice (the sides' own builders, and src/rundata/run-names.ts for clean), so they must agree.
 * Also the ledger file: written and read in one format by both sides, found under report directories.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ledger } from '../../contracts/support/ledger.ts';
import { accountName, imGroupId, probeName } from '../../contracts/support/names.ts';
import { IM_GROUPS_PER_SEGMENT, Pool } from '../../load/plan/user-pool.ts';
import { contractsAccount, contractsFixedAccounts, contractsImGroups, findLedgers, LedgerFile, loadAccount, loadImGroup, PROBE_BOUNDS } from '../../src/rundata/index.ts';

test('run-scoped names: clean builds the same ones as the contracts and the load side', () => {
  assert.equal(contractsAccount('r1x2', 3, 17), accountName('r1x2', 3, 17));
  assert.deepEqual(contractsFixedAccounts('r1x2'), [probeName('r1x2')]);
  assert.deepEqual(contractsImGroups('r1x2'), ['1', '2', 'x'].map((l) => imGroupId('r1x2', l)));
  for (const segmentIndex of [0, 1, 5]) {
    const pool = new Pool({ runId: 'r1x2', segmentIndex, segmentCount: 8, maxCreateRate: 300 });
    pool.users.forEach((u) => assert.match(u, /^ld-r1x2-u(\d+)$/));
    const first = Number(/u(\d+)$/.exec(pool.users[0] as string)?.[1]);
    assert.equal(pool.users[0], loadAccount('r1x2', first));
    // A later segment's slice alone is still found: its first user lies within the probe's gap of the one before.
    assert.ok(pool.size <= PROBE_BOUNDS.loadGap, `a segment of ${pool.size} users fits the load probe gap`);
    for (let k = 0; k < IM_GROUPS_PER_SEGMENT; k++) assert.equal(pool.imGroupName(k), loadImGroup('r1x2', segmentIndex, k));
  }
  assert.ok(IM_GROUPS_PER_SEGMENT <= PROBE_BOUNDS.loadImGroupsPerSegment);
});

test('ledger: the contracts ledger writes the shared format, done marks a clean run, findLedgers finds it, remove drops every file of the run', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcim-ledger-'));
  try {
    const dir = join(root, 'contracts', '.ledger');
    const ledger = new Ledger(dir, 'ab12');
    ledger.init();
    ledger.record({ kind: 'account', id: 'tc-ab12-p0-0' }, { kind: 'im-group', id: 'tc-ab12-g1' });
    assert.ok(ledger.claim('tc-ab12-p0-0'));
    const shared = new LedgerFile(dir, 'ab12');
    assert.deepEqual(shared.ids('account'), ['tc-ab12-p0-0']);
    assert.deepEqual(shared.ids('im-group'), ['tc-ab12-g1']);
    assert.equal(shared.runEntry()?.side, 'contracts');
    new LedgerFile(join(root, 'load', '.ledger'), 'ab12').record({ kind: 'account', id: 'ld-ab12-u0' });
    assert.deepEqual(findLedgers(root).map((l) => l.runId), ['ab12', 'ab12']);
    assert.equal(shared.isDone(), false);
    ledger.markDone();
    assert.equal(shared.isDone(), true);
    shared.remove();
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
