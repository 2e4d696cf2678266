/**
 * The setup project: imports the run's account pool (per parallelIndex) and creates the run's IM groups
 * (two live ones for G2C conversations, one created and destroyed for 51007). Everything is written
 * to the ownership ledger before it is created; the run state file tells the tests what exists.
 */
import { CMD } from '../../src/client/index.ts';
import { createImGroup, destroyImGroup } from '../../src/rundata/index.ts';
import { CREDENTIAL_CODES, importAccounts } from '../support/accounts.ts';
import { runDataOf } from '../support/cleanup.ts';
import { test } from '../support/fixtures.ts';
import { accountName, imGroupId, probeName } from '../support/names.ts';
import { probeMarkForm } from './mark-probe.ts';
import { range } from '../support/util.ts';

/** Accounts per parallelIndex imported up front; workers import more in blocks when they run out. */
const POOL_SIZE = 16;

test('setup: import the run accounts and create the IM groups', async ({ run, im }, testInfo) => {
  const { ledger, settings } = run;
  ledger.init();
  // The probe imports an account too: in the ledger first, like every other.
  ledger.record({ kind: 'account', id: accountName(settings.runId, 0, 0) });
  const probe = await im.call<{ ErrorCode?: number; ErrorInfo?: string }>(CMD.multiImport, { AccountList: [{ UserID: accountName(settings.runId, 0, 0) }] });
  const code = probe.body?.ErrorCode;
  if (code !== undefined && CREDENTIAL_CODES.has(code)) {
    testInfo.annotations.push({ type: 'config-error', description: `the target rejected the harness's own credentials: ${code} ${probe.body?.ErrorInfo ?? ''}` });
    throw new Error(`[config] the target rejected the harness's own credentials (ErrorCode ${code}); check TCIM_SDKAPPID, TCIM_ADMIN and TCIM_SECRET_KEY / TCIM_USERSIG`);
  }
  const pool = range(settings.workers).flatMap((p) => range(POOL_SIZE).map((n) => accountName(settings.runId, p, n)));
  const live = [imGroupId(settings.runId, '1'), imGroupId(settings.runId, '2')];
  const destroyed = imGroupId(settings.runId, 'x');
  const rd = runDataOf(im);
  const probeOwner = probeName(settings.runId);
  // Three independent chains at once (against a distant target every call is a round trip): the pool, the IM
  // groups, and the doc-silent StandardMark form probed once per run on an account of its own (not in the pool).
  const [, , form] = await Promise.all([
    importAccounts(im, ledger, pool),
    (async () => {
      await Promise.all([...live, destroyed].map(async (id) => {
        ledger.record({ kind: 'im-group', id });
        await createImGroup(rd, id, id);
      }));
      // Just created, so it must be there: "already gone" is no success here.
      await destroyImGroup(rd, destroyed, false);
    })(),
    (async () => {
      await importAccounts(im, ledger, [probeOwner]);
      return probeMarkForm(run, im, probeOwner);
    })(),
  ]);
  testInfo.annotations.push({ type: 'observed', description: `StandardMark form: ${form.order}, ${form.padding}` });

  ledger.writeState({ runId: settings.runId, liveGroups: live, destroyedGroup: destroyed, poolSize: POOL_SIZE, workers: settings.workers });
});
