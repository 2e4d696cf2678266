/**
 * Deletion of the run's accounts (`ld-<runId>-u<i>`) after the rest of the teardown, then the check that
 * they are gone (src/rundata). The load side's policy: a refused batch stops the teardown with a
 * LoadSetupError; per-account refusals and accounts still there become the leak report's examples.
 */
import { deleteAccounts, remainingAccounts, type RunData } from '../../src/rundata/index.ts';

/** Examples a leak report carries: enough to start looking, short enough for the summary line. */
const MAX_EXAMPLES = 3;

export interface AccountsReport {
  /** Accounts the first pass deleted (ResultCode 0). */
  deleted: number;
  /** Accounts the check still found (any ResultCode other than ACCOUNT_NOT_FOUND, or no item). */
  remaining: number;
  examples: string[];
}

/** Deletes the run accounts, then checks they are gone. Deleted (0) and already gone (ACCOUNT_NOT_FOUND) are fine. */
export async function deleteRunAccounts(rd: RunData, ids: readonly string[]): Promise<AccountsReport> {
  const first = await deleteAccounts(rd, ids);
  if (first.failedBatches[0]) rd.fail(first.failedBatches[0]);
  const check = await remainingAccounts(rd, ids);
  if (check.failedBatches[0]) rd.fail(check.failedBatches[0]);
  const examples = first.refused.slice(0, MAX_EXAMPLES);
  for (const id of check.remaining.slice(0, MAX_EXAMPLES - examples.length)) examples.push(`${id}: account still exists after account_delete`);
  return { deleted: first.deleted, remaining: check.remaining.length, examples };
}
