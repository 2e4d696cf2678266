/**
 * The setup project: imports the run's account pool (per parallelIndex) and creates the run's IM groups
 * (two live ones for G2C conversations, one created and destroyed for 51007). Everything is written
 * to the ownership ledger before it is created; the run state file tells the tests what exists.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { CREDENTIAL_CODES, importAccounts } from '../support/accounts.ts';
import { destroyImGroup } from '../support/cleanup.ts';
import { test } from '../support/fixtures.ts';
import { expect } from '../support/matchers.ts';
import { accountName, imGroupId } from '../support/names.ts';
import { range } from '../support/util.ts';

/** Accounts per parallelIndex imported up front; workers import more in blocks when they run out. */
const POOL_SIZE = 16;

test('setup: import the run accounts and create the IM groups', async ({ run, im }, testInfo) => {
  const { ledger, settings } = run;
  ledger.init();
  const probe = await im.call<{ ErrorCode?: number; ErrorInfo?: string }>('im_open_login_svc/multiaccount_import', { AccountList: [{ UserID: accountName(settings.runId, 0, 0) }] });
  const code = probe.body?.ErrorCode;
  if (code !== undefined && CREDENTIAL_CODES.has(code)) {
    testInfo.annotations.push({ type: 'config-error', description: `the target rejected the harness's own credentials: ${code} ${probe.body?.ErrorInfo ?? ''}` });
    throw new Error(`[config] the target rejected the harness's own credentials (ErrorCode ${code}); check TCIM_SDKAPPID, TCIM_ADMIN and TCIM_SECRET_KEY / TCIM_USERSIG`);
  }
  const pool = range(settings.workers).flatMap((p) => range(POOL_SIZE).map((n) => accountName(settings.runId, p, n)));
  await importAccounts(im, ledger, pool);

  const live = [imGroupId(settings.runId, '1'), imGroupId(settings.runId, '2')];
  const destroyed = imGroupId(settings.runId, 'x');
  for (const id of [...live, destroyed]) {
    ledger.record({ kind: 'im-group', id });
    let res = await im.call('group_open_http_svc/create_group', { Type: 'Public', Name: id, GroupId: id });
    if ((res.body as { ErrorCode?: number } | undefined)?.ErrorCode === ErrorCodes.GROUP_ID_IN_USE) {
      // left over by an earlier run with the same TCIM_RUN_ID: the id carries the run id, so it is ours
      await destroyImGroup(im, id);
      res = await im.call('group_open_http_svc/create_group', { Type: 'Public', Name: id, GroupId: id });
    }
    expect(res, `create IM group ${id}`).toBeImOk();
  }
  const gone = await im.call('group_open_http_svc/destroy_group', { GroupId: destroyed });
  expect(gone, `destroy IM group ${destroyed}`).toBeImOk();

  ledger.writeState({ runId: settings.runId, liveGroups: live, destroyedGroup: destroyed, poolSize: POOL_SIZE, workers: settings.workers });
});
