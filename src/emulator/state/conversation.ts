/** A conversation's group/mark data, its key and its rendering in responses. */

export type ContactType = 1 | 2;

/** The conversation as the request names it. */
export interface ContactRef {
  Type: ContactType;
  /** To_Account (C2C) or ToGroupId (G2C). */
  peer: string;
}

export interface Conversation extends ContactRef {
  key: string;
  /** Ids of the user's conversation groups, ascending. */
  groupIds: number[];
  /** Standard marks, 64 bits. */
  mark: bigint;
  /** Custom mark; '' = none. */
  custom: string;
  /** Unix seconds (emulator clock) of the last change of the group/mark data. */
  timestamp: number;
}

export const MARK_MASK = (1n << 64n) - 1n;

export const contactKey = (type: ContactType, peer: string): string => (type === 1 ? `1:${peer}` : `2:${peer}`);

/** A conversation from a validated ContactItem (`{Type, To_Account}` or `{Type, ToGroupId}`). */
export function contactRef(item: { Type: number; To_Account?: string; ToGroupId?: string }): ContactRef {
  return item.Type === 2 ? { Type: 2, peer: item.ToGroupId ?? '' } : { Type: 1, peer: item.To_Account ?? '' };
}

/** ContactItem object of a conversation: `{Type, To_Account}` or `{Type, ToGroupId}`. */
export function renderContact(c: ContactRef): Record<string, unknown> {
  return c.Type === 1 ? { Type: 1, To_Account: c.peer } : { Type: 2, ToGroupId: c.peer };
}

export const newConversation = (ref: ContactRef): Conversation => ({
  key: contactKey(ref.Type, ref.peer),
  Type: ref.Type,
  peer: ref.peer,
  groupIds: [],
  mark: 0n,
  custom: '',
  timestamp: 0,
});

export const hasData = (c: Conversation): boolean => c.groupIds.length > 0 || c.mark !== 0n || c.custom !== '';

/**
 * The conversation in get_contact_group / search_contact_group: StandardMark with bit 0 as the rightmost
 * character and no leading zeros; fields without a value are omitted.
 */
export function renderConversation(c: Conversation): Record<string, unknown> {
  const out = renderContact(c);
  if (c.mark !== 0n) out.StandardMark = c.mark.toString(2);
  if (c.custom !== '') out.CustomMark = c.custom;
  if (c.groupIds.length > 0) out.ContactGroupId = c.groupIds.slice();
  out.Timestamp = c.timestamp;
  return out;
}

/** Inserts `id` keeping the array ascending; false when it was there already. */
export function addId(ids: number[], id: number): boolean {
  let i = ids.length;
  while (i > 0 && (ids[i - 1] as number) > id) i--;
  if (i > 0 && ids[i - 1] === id) return false;
  ids.splice(i, 0, id);
  return true;
}

export function removeId(ids: number[], id: number): boolean {
  const i = ids.indexOf(id);
  if (i < 0) return false;
  ids.splice(i, 1);
  return true;
}
