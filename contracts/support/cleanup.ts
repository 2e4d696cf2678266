/**
 * Teardown of everything a run created: per run account, delete every conversation group and clear
 * every mark (OptType 3 clearing all bits and CustomMark ""), then destroy the run's IM groups; and the
 * leak check: get_contact_group of every run account must show no group and no conversation with data.
 * Then the run accounts themselves are deleted (account_delete, batches of 100) and checked gone.
 */
import { describeCode, ErrorCodes } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import type { ContractClient } from './client.ts';
import { CMD } from './commands.ts';
import type { Contact, ContactData } from './items.ts';
import { expect } from './matchers.ts';
import { Ops, type AllData, type MarkItemReq } from './ops.ts';
import { chunks, range } from './util.ts';

const ALL_BITS = range(64);
const contactOf = (c: ContactData): Contact => (c.Type === 1 ? { Type: 1, To_Account: c.To_Account as string } : { Type: 2, ToGroupId: c.ToGroupId as string });
const hasMark = (c: ContactData): boolean => /1/.test(c.StandardMark ?? '');
export const hasData = (c: ContactData): boolean => hasMark(c) || !!c.CustomMark || (c.ContactGroupId?.length ?? 0) > 0;

/** All data of an account, or undefined when the account does not exist on the target. */
async function readAll(ops: Ops): Promise<AllData | undefined> {
  const first = await ops.get(0);
  if ((first.body as { ErrorCode?: number } | undefined)?.ErrorCode === ErrorCodes.ACCOUNT_NOT_IMPORTED) return undefined;
  return ops.getAll(120, first);
}

/** Cleans one account; false when the account does not exist on the target (never imported). */
export async function cleanAccount(im: ContractClient, owner: string): Promise<boolean> {
  const ops = new Ops(im, owner);
  const all = await readAll(ops);
  if (!all) return false;
  for (const g of all.groups) {
    const res = await ops.del(g.GroupName);
    if ((res.body as { ErrorCode?: number } | undefined)?.ErrorCode !== ErrorCodes.CONTACT_GROUP_NOT_FOUND) expect(res, `delete group ${g.GroupName} of ${owner}`).toBeImOk();
  }
  const marks: MarkItemReq[] = all.items
    .filter((c) => hasMark(c) || !!c.CustomMark)
    .map((c) => (hasMark(c) ? { OptType: 3, ContactItem: contactOf(c), ClearMark: ALL_BITS, CustomMark: '' } : { OptType: 2, ContactItem: contactOf(c), CustomMark: '' }));
  for (const batch of chunks(marks, 100)) expect(await ops.mark(batch), `clear marks of ${owner}`).toBeImOk();
  return true;
}

/** What is left in an account: groups and conversations that still carry data. */
export async function leftovers(im: ContractClient, owner: string): Promise<{ groups: string[]; conversations: string[]; empty: number }> {
  const all = await readAll(new Ops(im, owner));
  if (!all) return { groups: [], conversations: [], empty: 0 };
  const withData = all.items.filter(hasData);
  return {
    groups: all.groups.map((g) => g.GroupName),
    conversations: withData.map((c) => (c.Type === 1 ? `C2C ${c.To_Account}` : `G2C ${c.ToGroupId}`)),
    empty: all.items.length - withData.length,
  };
}

export async function destroyImGroup(im: ContractClient, groupId: string): Promise<void> {
  const res = await im.call('group_open_http_svc/destroy_group', { GroupId: groupId });
  const code = (res.body as { ErrorCode?: number } | undefined)?.ErrorCode;
  if (code !== ErrorCodes.GROUP_NOT_FOUND) expect(res, `destroy IM group ${groupId}`).toBeImOk();
}

interface DeleteBody {
  ErrorCode?: number;
  ErrorInfo?: string;
  ResultItem?: { ResultCode?: number; ResultInfo?: string; UserID?: string }[];
}

const DELETE_HINT = 'apps above the trial editions must enable account deletion in the console (https://www.tencentcloud.com/document/product/1047/34955)';

/** One account_delete per batch of at most 100 ids: UserID → per-item ResultCode, or the batch's top-level problem. */
async function deleteBatches(im: ContractClient, ids: readonly string[]): Promise<{ codes: Map<string, number>; problems: string[] }> {
  const codes = new Map<string, number>();
  const problems: string[] = [];
  for (const batch of chunks(ids, limits.maxAccountsPerDelete)) {
    const res = await im.call<DeleteBody>(CMD.accountDelete, { DeleteItem: batch.map((UserID) => ({ UserID })) });
    const b = res.body;
    if (res.httpStatus !== 200 || b?.ErrorCode !== ErrorCodes.OK) {
      const code = typeof b?.ErrorCode === 'number' ? describeCode(b.ErrorCode) : `HTTP ${res.httpStatus}`;
      problems.push(`account_delete of ${batch.length} run accounts (${batch[0]} …) answered ${code} ${b?.ErrorInfo ?? ''} — ${DELETE_HINT}`);
      continue;
    }
    for (const item of b.ResultItem ?? []) if (typeof item.UserID === 'string' && typeof item.ResultCode === 'number') codes.set(item.UserID, item.ResultCode);
  }
  return { codes, problems };
}

/**
 * Deletes the run accounts. Deleted (0) and already gone (ACCOUNT_NOT_FOUND) are fine; anything else is a
 * problem (returned, never thrown: the teardown goes on).
 */
export async function deleteAccounts(im: ContractClient, ids: readonly string[]): Promise<{ deleted: number; problems: string[] }> {
  const { codes, problems } = await deleteBatches(im, ids);
  let deleted = 0;
  for (const [id, code] of codes) {
    if (code === ErrorCodes.OK) deleted++;
    else if (code !== ErrorCodes.ACCOUNT_NOT_FOUND) problems.push(`account_delete of ${id}: per-item ${describeCode(code)}`);
  }
  return { deleted, problems };
}

/**
 * The leak check of accounts: account_delete again must answer ACCOUNT_NOT_FOUND for every run account.
 * Returns the ids that were still there (the check deletes them, but they count as left over) or unanswered.
 */
export async function remainingAccounts(im: ContractClient, ids: readonly string[]): Promise<{ remaining: string[]; problems: string[] }> {
  const { codes, problems } = await deleteBatches(im, ids);
  return { remaining: ids.filter((id) => codes.get(id) !== ErrorCodes.ACCOUNT_NOT_FOUND), problems };
}
