/**
 * Run-scoped data of a load run (src/rundata under the load policy of imcalls.ts): set-up (accounts,
 * IM groups, fixed groups), the churn warm-up (reconcile, also between ceiling steps), the teardown that
 * removes everything the run made, and the leak check (get_contact_group of every run user is empty
 * afterwards; then the run accounts are deleted and must be gone).
 */
import { CMD, type ImClient } from '../../src/client/index.ts';
import { mapPool } from '../../src/core/pool.ts';
import { cleanUser, createImGroup, destroyImGroup, importAccounts, leftovers, readUserData, type RunData } from '../../src/rundata/index.ts';
import type { GetListResponse } from '../../src/generated/types.ts';
import { deleteRunAccounts } from './accounts.ts';
import type { Churn } from '../plan/churn.ts';
import { loadRunData } from './imcalls.ts';
import { createBody } from '../plan/operations.ts';
import { CHURN_PREFIX, FIXED_GROUP, IM_GROUPS_PER_SEGMENT, type Pool } from '../plan/user-pool.ts';

/** Users set up or cleaned at once: with the set-up client's rate budget, enough to keep it busy. */
const CONCURRENCY = 8;
const MAX_EXAMPLES = 3;

export async function setupPool(client: ImClient, pool: Pool): Promise<void> {
  const rd = loadRunData(client);
  // Once the target answered an import, the teardown has accounts to delete.
  await importAccounts(rd, pool.users, () => (pool.touched = true));
  pool.imGroupIds = [];
  // Custom GroupIds (the run-scoped name): `tcim-harness clean` finds them again even without the ledger.
  for (let k = 0; k < IM_GROUPS_PER_SEGMENT; k++) pool.imGroupIds.push(await createImGroup(rd, pool.imGroupName(k), pool.imGroupName(k)));
  await mapPool(pool.users, CONCURRENCY, async (user, i) => {
    await rd.ok(CMD.create, { From_Account: user, GroupContactItem: [{ GroupName: FIXED_GROUP, ContactItem: [pool.contact(i, 0)] }] });
  });
}

/** Makes the churn groups exactly the warm-up set of `churn` (creates −L … −1); other churn groups go. */
export async function reconcileChurn(client: ImClient, pool: Pool, churn: Churn): Promise<{ created: number; deleted: number }> {
  const rd = loadRunData(client);
  const want = new Map<string, number>();
  for (let k = -churn.lag; k < 0; k++) {
    const s = churn.slotOf(k);
    want.set(`${pool.user(s.user)}/${s.name}`, k);
  }
  let created = 0;
  let deleted = 0;
  await mapPool(pool.users, CONCURRENCY, async (user) => {
    const groups = (await readUserData(rd, user))?.groups ?? [];
    const have = new Set(groups.map((g) => g.GroupName).filter((n) => n.startsWith(CHURN_PREFIX)));
    for (const name of have) {
      if (want.has(`${user}/${name}`)) continue;
      await rd.ok(CMD.del, { From_Account: user, GroupName: [name] });
      deleted++;
    }
    for (const [key, k] of want) {
      if (!key.startsWith(`${user}/`) || have.has(key.slice(user.length + 1))) continue;
      await rd.ok(CMD.create, createBody(pool, churn, k));
      created++;
    }
  });
  return { created, deleted };
}

export interface LeakReport {
  checkedUsers: number;
  leftoverGroups: number;
  leftoverConversations: number;
  sessionsDeleted: number;
  /** Run accounts deleted after the cleanup (absent in summaries written before account deletion). */
  accountsDeleted?: number;
  /** Run accounts that still existed after account_delete. */
  leftoverAccounts?: number;
  passed: boolean;
  examples: string[];
}

/**
 * Removes every conversation group, mark and session of the run users and the IM groups, checks that
 * nothing is left (while the accounts still exist, so their deletion cannot hide a leak), then deletes
 * the run accounts and checks they are gone. The accounts are deleted even when the cleanup failed.
 */
export async function teardownPool(client: ImClient, pool: Pool): Promise<LeakReport> {
  const rd = loadRunData(client);
  let report: LeakReport;
  try {
    report = await cleanPool(rd, pool);
  } catch (e) {
    await deleteRunAccounts(rd, pool.users).catch(() => undefined);
    throw e;
  }
  const accounts = await deleteRunAccounts(rd, pool.users);
  report.accountsDeleted = accounts.deleted;
  report.leftoverAccounts = accounts.remaining;
  report.examples.push(...accounts.examples.slice(0, Math.max(0, MAX_EXAMPLES - report.examples.length)));
  report.passed &&= accounts.remaining === 0;
  return report;
}

/** Deletes every recent-contact session of `user` (the attack's calls leave them); answers how many. */
async function deleteSessions(rd: RunData, user: string): Promise<number> {
  const list = await rd.ok<GetListResponse>(CMD.getList, { From_Account: user, TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 0 });
  const sessions = list.SessionItem ?? [];
  for (const s of sessions) {
    const peer = s.Type === 2 ? { ToGroupid: s.GroupId } : { To_Account: s.To_Account };
    await rd.ok(CMD.delete, { From_Account: user, Type: s.Type, ...peer });
  }
  return sessions.length;
}

async function cleanPool(rd: RunData, pool: Pool): Promise<LeakReport> {
  let sessionsDeleted = 0;
  await mapPool(pool.users, CONCURRENCY, async (user) => {
    await cleanUser(rd, user);
    sessionsDeleted += await deleteSessions(rd, user);
  });
  for (const id of pool.imGroupIds) await destroyImGroup(rd, id);
  pool.imGroupIds = [];
  return checkUsers(rd, pool, sessionsDeleted);
}

/** The leak check of groups and marks. Any conversation still listed counts, with data or not: a load run leaves none. */
async function checkUsers(rd: RunData, pool: Pool, sessionsDeleted: number): Promise<LeakReport> {
  const report: LeakReport = { checkedUsers: 0, leftoverGroups: 0, leftoverConversations: 0, sessionsDeleted, passed: true, examples: [] };
  await mapPool(pool.users, CONCURRENCY, async (user) => {
    const left = await leftovers(rd, user);
    const conversations = left.conversations.length + left.empty;
    report.checkedUsers++;
    report.leftoverGroups += left.groups.length;
    report.leftoverConversations += conversations;
    if ((left.groups.length || conversations) && report.examples.length < MAX_EXAMPLES) {
      report.examples.push(`${user}: ${left.groups.length} group(s), ${conversations} conversation(s) with data`);
    }
  });
  report.passed = report.leftoverGroups === 0 && report.leftoverConversations === 0;
  return report;
}
