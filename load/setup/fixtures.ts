/**
 * Run-scoped data through ImClient: set-up (accounts, IM groups, fixed groups), the churn warm-up
 * (reconcile, also between ceiling steps), teardown that removes everything the run made, and the
 * leak check (get_contact_group of every run user is empty afterwards; then the run accounts are
 * deleted and must be gone).
 */
import type { ImClient } from '../../src/client/index.ts';
import { deleteRunAccounts } from './accounts.ts';
import type { Churn } from '../plan/churn.ts';
import { LoadSetupError, ok, parallel, readUser } from './imcalls.ts';
import { createBody } from '../plan/operations.ts';
import { CHURN_PREFIX, FIXED_GROUP, IM_GROUPS_PER_SEGMENT, type Pool } from '../plan/user-pool.ts';

const CONCURRENCY = 8;

export async function setupPool(client: ImClient, pool: Pool): Promise<void> {
  for (let i = 0; i < pool.size; i += 100) {
    const b = await ok(client, 'im_open_login_svc/multiaccount_import', { AccountList: pool.users.slice(i, i + 100).map((UserID) => ({ UserID })) });
    pool.touched = true;
    const failed = (b.FailAccounts as string[] | undefined) ?? [];
    if (failed.length) throw new LoadSetupError(`multiaccount_import could not import ${failed.length} run accounts, e.g. ${failed[0]}`);
  }
  pool.imGroupIds = [];
  for (let k = 0; k < IM_GROUPS_PER_SEGMENT; k++) {
    const b = await ok(client, 'group_open_http_svc/create_group', { Type: 'Public', Name: pool.imGroupName(k) });
    pool.imGroupIds.push(String(b.GroupId));
  }
  await parallel(pool.users, CONCURRENCY, async (user, i) => {
    await ok(client, 'recentcontact/create_contact_group', { From_Account: user, GroupContactItem: [{ GroupName: FIXED_GROUP, ContactItem: [pool.contact(i, 0)] }] });
  });
}

/** Makes the churn groups exactly the warm-up set of `churn` (creates −L … −1); other churn groups go. */
export async function reconcileChurn(client: ImClient, pool: Pool, churn: Churn): Promise<{ created: number; deleted: number }> {
  const want = new Map<string, number>();
  for (let k = -churn.lag; k < 0; k++) {
    const s = churn.slotOf(k);
    want.set(`${pool.user(s.user)}/${s.name}`, k);
  }
  let created = 0;
  let deleted = 0;
  await parallel(pool.users, CONCURRENCY, async (user) => {
    const data = await readUser(client, user);
    const have = new Set(data.groups.map((g) => g.GroupName).filter((n) => n.startsWith(CHURN_PREFIX)));
    for (const name of have) {
      if (want.has(`${user}/${name}`)) continue;
      await ok(client, 'recentcontact/del_contact_group', { From_Account: user, GroupName: [name] });
      deleted++;
    }
    for (const [key, k] of want) {
      if (!key.startsWith(`${user}/`) || have.has(key.slice(user.length + 1))) continue;
      await ok(client, 'recentcontact/create_contact_group', createBody(pool, churn, k));
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

const bitsOf = (mark: string): number[] => [...mark].reverse().flatMap((ch, i) => (ch === '1' ? [i] : []));

/**
 * Removes every conversation group, mark and session of the run users and the IM groups, checks that
 * nothing is left (while the accounts still exist, so their deletion cannot hide a leak), then deletes
 * the run accounts and checks they are gone. The accounts are deleted even when the cleanup failed.
 */
export async function teardownPool(client: ImClient, pool: Pool): Promise<LeakReport> {
  let report: LeakReport;
  try {
    report = await cleanPool(client, pool);
  } catch (e) {
    await deleteRunAccounts(client, pool.users).catch(() => undefined);
    throw e;
  }
  const accounts = await deleteRunAccounts(client, pool.users);
  report.accountsDeleted = accounts.deleted;
  report.leftoverAccounts = accounts.remaining;
  report.examples.push(...accounts.examples.slice(0, Math.max(0, 3 - report.examples.length)));
  report.passed &&= accounts.remaining === 0;
  return report;
}

async function cleanPool(client: ImClient, pool: Pool): Promise<LeakReport> {
  let sessionsDeleted = 0;
  await parallel(pool.users, CONCURRENCY, async (user) => {
    const data = await readUser(client, user);
    for (const g of data.groups) await ok(client, 'recentcontact/del_contact_group', { From_Account: user, GroupName: [g.GroupName] });
    const marked = data.contacts.filter((c) => (c.StandardMark && c.StandardMark.includes('1')) || c.CustomMark);
    for (let i = 0; i < marked.length; i += 100) {
      const MarkItem = marked.slice(i, i + 100).map((c) => {
        const ContactItem = c.Type === 2 ? { Type: 2, ToGroupId: c.ToGroupId } : { Type: 1, To_Account: c.To_Account };
        const bits = bitsOf(c.StandardMark ?? '');
        return { OptType: 3, ContactItem, ClearMark: bits, CustomMark: '' };
      });
      await ok(client, 'recentcontact/mark_contact', { From_Account: user, MarkItem });
    }
    const list = await ok(client, 'recentcontact/get_list', { From_Account: user, TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 0 });
    for (const s of (list.SessionItem as { Type: number; To_Account?: string; GroupId?: string }[] | undefined) ?? []) {
      const peer = s.Type === 2 ? { ToGroupid: s.GroupId } : { To_Account: s.To_Account };
      await ok(client, 'recentcontact/delete', { From_Account: user, Type: s.Type, ...peer });
      sessionsDeleted++;
    }
  });
  for (const id of pool.imGroupIds) await ok(client, 'group_open_http_svc/destroy_group', { GroupId: id });
  pool.imGroupIds = [];
  return leakCheck(client, pool, sessionsDeleted);
}

export async function leakCheck(client: ImClient, pool: Pool, sessionsDeleted = 0): Promise<LeakReport> {
  const report: LeakReport = { checkedUsers: 0, leftoverGroups: 0, leftoverConversations: 0, sessionsDeleted, passed: true, examples: [] };
  await parallel(pool.users, CONCURRENCY, async (user) => {
    const data = await readUser(client, user);
    report.checkedUsers++;
    report.leftoverGroups += data.groups.length;
    report.leftoverConversations += data.contacts.length;
    if ((data.groups.length || data.contacts.length) && report.examples.length < 3) {
      report.examples.push(`${user}: ${data.groups.length} group(s), ${data.contacts.length} conversation(s) with data`);
    }
  });
  report.passed = report.leftoverGroups === 0 && report.leftoverConversations === 0;
  return report;
}
