/**
 * A user's conversation groups and marks: read them all, clear them (delete every group, clear every
 * mark), and say what is left. "Left" is data a run leaves behind: a group, or a conversation that still
 * carries a mark or a group id; a conversation listed without any such data is counted apart, since
 * whether it disappears is the target's choice (the contracts note it as drift, the load side counts it).
 */
import { CMD } from '../client/index.ts';
import { chunks, mapPool } from '../core/pool.ts';
import { ErrorCodes } from '../errors/index.ts';
import type { ContactItem, ContactResultItem, GetContactGroupResponse, GroupItem } from '../generated/types.ts';
import { limits } from '../schema/index.ts';
import type { RunData } from './context.ts';

export interface UserData {
  groups: GroupItem[];
  /** Conversations listed by get_contact_group (the ones with group or mark data). */
  contacts: ContactResultItem[];
}

/**
 * Bounds a paging loop that never completes. 1,000 conversations with data at the default page size are
 * 10 pages; the rest is room for a smaller page size.
 */
const MAX_PAGES = 50;
/** Calls of one user's clean-up in flight at once (groups and mark batches). */
const CLEAR_IN_FLIGHT = 8;
/** Every bit a StandardMark can hold: clearing them all needs no decoding of which ones are set. */
const ALL_BITS = Array.from({ length: limits.maxMarkBit + 1 }, (_, i) => i);

const hasMark = (c: ContactResultItem): boolean => /1/.test(c.StandardMark ?? '');
/** A conversation that still carries data a run put there. */
export const hasData = (c: ContactResultItem): boolean => hasMark(c) || !!c.CustomMark || (c.ContactGroupId?.length ?? 0) > 0;
const contactOf = (c: ContactResultItem): ContactItem => (c.Type === 1 ? { Type: 1, To_Account: c.To_Account as string } : { Type: 2, ToGroupId: c.ToGroupId as string });

/**
 * Every page of get_contact_group (StartIndex, then NextStartIndex until CompleteFlag says done), each
 * judged; undefined when the account does not exist and gone objects are tolerated.
 */
export async function readUserData(rd: RunData, user: string): Promise<UserData | undefined> {
  let groups: GroupItem[] | undefined;
  const contacts: ContactResultItem[] = [];
  let start = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await rd.call<GetContactGroupResponse>(CMD.get, { From_Account: user, StartIndex: start });
    if (page === 0 && rd.tolerateGone && res.body?.ErrorCode === ErrorCodes.ACCOUNT_NOT_IMPORTED) return undefined;
    rd.judge(res, `get_contact_group of ${user} (StartIndex ${start})`);
    const b = res.body;
    groups ??= b?.GroupItem;
    contacts.push(...(b?.ContactItem ?? []));
    if (b?.CompleteFlag !== 0 || typeof b.NextStartIndex !== 'number' || b.NextStartIndex <= start) break;
    start = b.NextStartIndex;
  }
  return { groups: groups ?? [], contacts };
}

/** Deletes every group of `user` and clears every mark (all standard bits and the custom mark). */
export async function clearUserData(rd: RunData, user: string, data: UserData): Promise<void> {
  // A custom mark alone is cleared with OptType 2: OptType 3 touches standard marks, which some editions refuse per item.
  const items = data.contacts
    .filter((c) => hasMark(c) || !!c.CustomMark)
    .map((c) => (hasMark(c) ? { OptType: 3, ContactItem: contactOf(c), ClearMark: ALL_BITS, CustomMark: '' } : { OptType: 2, ContactItem: contactOf(c), CustomMark: '' }));
  // Groups and marks are independent data: their calls go out together (the client's rate budget paces them),
  // so against a distant target a user with 20 groups and 1,000 marks costs a few round trips, not 30.
  await Promise.all([
    mapPool(data.groups, CLEAR_IN_FLIGHT, async (g) => {
      const res = await rd.call(CMD.del, { From_Account: user, GroupName: [g.GroupName] });
      rd.settle(res, `delete group ${g.GroupName} of ${user}`, ErrorCodes.CONTACT_GROUP_NOT_FOUND);
    }),
    mapPool(chunks(items, limits.maxMarkItems), CLEAR_IN_FLIGHT, (batch) => rd.ok(CMD.mark, { From_Account: user, MarkItem: batch }, `clear marks of ${user}`)),
  ]);
}

/** Reads and clears one user; false when the account does not exist on the target (never imported). */
export async function cleanUser(rd: RunData, user: string): Promise<boolean> {
  const data = await (rd.readUser ?? ((u: string) => readUserData(rd, u)))(user);
  if (!data) return false;
  await clearUserData(rd, user, data);
  return true;
}

export interface Leftovers {
  groups: string[];
  /** Conversations that still carry data, as `C2C <peer>` / `G2C <group>`. */
  conversations: string[];
  /** Conversations still listed without any data. */
  empty: number;
}

/** What is left in a user's data. */
export function leftoversOf(data: UserData | undefined): Leftovers {
  if (!data) return { groups: [], conversations: [], empty: 0 };
  const withData = data.contacts.filter(hasData);
  return {
    groups: data.groups.map((g) => g.GroupName),
    conversations: withData.map((c) => (c.Type === 1 ? `C2C ${c.To_Account}` : `G2C ${c.ToGroupId}`)),
    empty: data.contacts.length - withData.length,
  };
}

/** Reads one user and says what is left (nothing for an account that does not exist). */
export async function leftovers(rd: RunData, user: string): Promise<Leftovers> {
  return leftoversOf(await (rd.readUser ?? ((u: string) => readUserData(rd, u)))(user));
}
