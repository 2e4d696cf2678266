/**
 * Run accounts: imported in batches of the import limit before anything else, deleted in batches of the
 * delete limit after everything else (a deleted account takes its remaining data with it, per the docs),
 * then checked gone: account_delete again must answer ACCOUNT_NOT_FOUND per item for each of them.
 */
import { CMD } from '../client/index.ts';
import { chunks } from '../core/pool.ts';
import { describeCode, ErrorCodes } from '../errors/index.ts';
import type { AccountDeleteResponse, MultiaccountImportResponse } from '../generated/types.ts';
import { limits } from '../schema/index.ts';
import type { RunData } from './context.ts';

const DELETE_HINT = 'apps above the trial editions must enable account deletion in the console (https://www.tencentcloud.com/document/product/1047/34955)';

/**
 * Imports `ids`; every batch must be judged OK and import every account. `onBatch` runs once a batch was
 * answered OK, before its FailAccounts are checked (load: from then on the teardown has work to do).
 */
export async function importAccounts(rd: RunData, ids: readonly string[], onBatch?: (batch: readonly string[]) => void): Promise<void> {
  for (const batch of chunks(ids, limits.maxAccountsPerImport)) {
    const body = await rd.ok<MultiaccountImportResponse>(CMD.multiImport, { AccountList: batch.map((UserID) => ({ UserID })) }, `import of ${batch.length} run accounts`);
    onBatch?.(batch);
    const failed = body?.FailAccounts ?? [];
    if (failed.length) rd.fail(`multiaccount_import could not import ${failed.length} run accounts, e.g. ${failed[0]}`);
  }
}

interface DeletePass {
  /** UserID → per-item ResultCode. */
  codes: Map<string, number>;
  /** Batches whose envelope was not OK, described with the hint on enabling account deletion. */
  failedBatches: string[];
}

/** One account_delete per batch. A refused batch is described, never thrown: the teardown goes on with the rest. */
async function deletePass(rd: RunData, ids: readonly string[]): Promise<DeletePass> {
  const codes = new Map<string, number>();
  const failedBatches: string[] = [];
  for (const batch of chunks(ids, limits.maxAccountsPerDelete)) {
    const res = await rd.call<AccountDeleteResponse>(CMD.accountDelete, { DeleteItem: batch.map((UserID) => ({ UserID })) });
    const b = res.body;
    if (res.httpStatus !== 200 || b?.ErrorCode !== ErrorCodes.OK) {
      const code = typeof b?.ErrorCode === 'number' ? describeCode(b.ErrorCode) : `HTTP ${res.httpStatus}`;
      failedBatches.push(`account_delete of ${batch.length} run accounts (${batch[0]} …) answered ${code} ${b?.ErrorInfo ?? ''} — ${DELETE_HINT}`);
      continue;
    }
    for (const item of b.ResultItem ?? []) if (typeof item.UserID === 'string' && typeof item.ResultCode === 'number') codes.set(item.UserID, item.ResultCode);
  }
  return { codes, failedBatches };
}

export interface AccountDeletion {
  /** Accounts deleted now (ResultCode 0). */
  deleted: number;
  /** Accounts answered neither 0 nor ACCOUNT_NOT_FOUND (already gone is fine), described. */
  refused: string[];
  failedBatches: string[];
}

/** Deletes the run accounts. */
export async function deleteAccounts(rd: RunData, ids: readonly string[]): Promise<AccountDeletion> {
  const { codes, failedBatches } = await deletePass(rd, ids);
  let deleted = 0;
  const refused: string[] = [];
  for (const [id, code] of codes) {
    if (code === ErrorCodes.OK) deleted++;
    else if (code !== ErrorCodes.ACCOUNT_NOT_FOUND) refused.push(`account_delete of ${id}: per-item ${describeCode(code)}`);
  }
  return { deleted, refused, failedBatches };
}

/**
 * The leak check of accounts: account_delete again must answer ACCOUNT_NOT_FOUND for every run account.
 * `remaining` are the ids that were still there (this pass deleted them, but they count as left over) or unanswered.
 */
export async function remainingAccounts(rd: RunData, ids: readonly string[]): Promise<{ remaining: string[]; failedBatches: string[] }> {
  const { codes, failedBatches } = await deletePass(rd, ids);
  return { remaining: ids.filter((id) => codes.get(id) !== ErrorCodes.ACCOUNT_NOT_FOUND), failedBatches };
}
