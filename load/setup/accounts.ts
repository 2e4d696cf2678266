/**
 * Deletion of the run's accounts (`ld-<runId>-u<i>`) after the rest of the teardown: account_delete in
 * batches of 100 (a deleted account takes its remaining data with it, per the docs), then the check —
 * account_delete again must answer ACCOUNT_NOT_FOUND per item for every one of them.
 */
import type { ImClient } from '../../src/client/index.ts';
import { describeCode, ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { ok } from './imcalls.ts';

const ACCOUNT_DELETE = 'im_open_login_svc/account_delete';

export interface AccountsReport {
  /** Accounts the first pass deleted (ResultCode 0). */
  deleted: number;
  /** Accounts the check still found (any ResultCode other than ACCOUNT_NOT_FOUND, or no item). */
  remaining: number;
  examples: string[];
}

/** UserID → per-item ResultCode of account_delete over every id (a non-OK answer throws a LoadSetupError). */
async function deleteAll(client: ImClient, ids: readonly string[]): Promise<Map<string, number>> {
  const codes = new Map<string, number>();
  for (let i = 0; i < ids.length; i += limits.maxAccountsPerDelete) {
    const batch = ids.slice(i, i + limits.maxAccountsPerDelete);
    const b = await ok(client, ACCOUNT_DELETE, { DeleteItem: batch.map((UserID) => ({ UserID })) });
    for (const item of (b.ResultItem as { UserID?: string; ResultCode?: number }[] | undefined) ?? []) {
      if (typeof item.UserID === 'string' && typeof item.ResultCode === 'number') codes.set(item.UserID, item.ResultCode);
    }
  }
  return codes;
}

/** Deletes the run accounts, then checks they are gone. Deleted (0) and already gone (ACCOUNT_NOT_FOUND) are fine. */
export async function deleteRunAccounts(client: ImClient, ids: readonly string[]): Promise<AccountsReport> {
  const first = await deleteAll(client, ids);
  const examples: string[] = [];
  for (const [id, code] of first) {
    if (code !== ErrorCodes.OK && code !== ErrorCodes.ACCOUNT_NOT_FOUND && examples.length < 3) examples.push(`${id}: account_delete answered ${describeCode(code)}`);
  }
  const check = await deleteAll(client, ids);
  const remaining = ids.filter((id) => check.get(id) !== ErrorCodes.ACCOUNT_NOT_FOUND);
  for (const id of remaining.slice(0, 3 - Math.min(3, examples.length))) examples.push(`${id}: account still exists after account_delete`);
  return { deleted: [...first.values()].filter((c) => c === ErrorCodes.OK).length, remaining: remaining.length, examples };
}
