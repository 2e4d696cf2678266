/** A conversation's group/mark data, its key and its rendering in responses. */

export type ContactType = 1 | 2;

/** The conversation as the request names it. */
export interface ContactRef {
  Type: ContactType;
  /** To_Account (C2C) or ToGroupId (G2C). */
  peer: string;
}

/**
 * The group/mark data of one conversation, kept compact (the emulator holds up to a million of them): the
 * conversation itself is only the key of the user's map (`contactKey`), the fields are small integers where
 * possible, and every object is made by `newConversation` with the same fields in the same order.
 */
export interface Conversation {
  /** The user's conversation groups: 0 = none, a positive GroupId = just that one, an array = two or more, ascending. */
  groups: number | number[];
  /** Standard marks bits 0..31, as a signed 32-bit integer. */
  markLo: number;
  /** Standard marks bits 32..63, as a signed 32-bit integer. */
  markHi: number;
  /** Custom mark; '' = none. */
  custom: string;
  /** Unix seconds (emulator clock) of the last change of the group/mark data. */
  timestamp: number;
  /** Whether the conversation is in the recent-contact list; its MsgTime there is `timestamp`. */
  listed: boolean;
}

export const contactKey = (type: ContactType, peer: string): string => (type === 1 ? `1:${peer}` : `2:${peer}`);

/** The conversation of a key made by contactKey (`1:peer` / `2:groupId`). */
export const refOfKey = (key: string): ContactRef => ({ Type: key.startsWith('2:') ? 2 : 1, peer: key.slice(2) });

/** A conversation from a validated ContactItem (`{Type, To_Account}` or `{Type, ToGroupId}`). */
export function contactRef(item: { Type: number; To_Account?: string; ToGroupId?: string }): ContactRef {
  return item.Type === 2 ? { Type: 2, peer: item.ToGroupId ?? '' } : { Type: 1, peer: item.To_Account ?? '' };
}

/** ContactItem object of a conversation: `{Type, To_Account}` or `{Type, ToGroupId}`. */
export function renderContact(c: ContactRef): Record<string, unknown> {
  return c.Type === 1 ? { Type: 1, To_Account: c.peer } : { Type: 2, ToGroupId: c.peer };
}

export const newConversation = (): Conversation => ({ groups: 0, markLo: 0, markHi: 0, custom: '', timestamp: 0, listed: false });

export const hasData = (c: Conversation): boolean => c.groups !== 0 || c.markLo !== 0 || c.markHi !== 0 || c.custom !== '';

/** The conversation's GroupIds, ascending (a fresh array). */
export function groupIds(c: Conversation): number[] {
  const g = c.groups;
  if (typeof g !== 'number') return g.slice();
  return g === 0 ? [] : [g];
}

/** Adds GroupId `id` (≥ 1); false when it was there already. */
export function addGroupId(c: Conversation, id: number): boolean {
  const g = c.groups;
  if (typeof g !== 'number') return addId(g, id);
  if (g === id) return false;
  c.groups = g === 0 ? id : g < id ? [g, id] : [id, g];
  return true;
}

/** Removes GroupId `id` (≥ 1); false when it was not there. */
export function removeGroupId(c: Conversation, id: number): boolean {
  const g = c.groups;
  if (typeof g === 'number') {
    if (g === 0 || g !== id) return false;
    c.groups = 0;
    return true;
  }
  if (!removeId(g, id)) return false;
  if (g.length === 1) c.groups = g[0] as number;
  return true;
}

/** Sets or clears standard mark bit `bit`; bits outside 0..63 change nothing. */
export function setMarkBit(c: Conversation, bit: number, on: boolean): void {
  if (bit >= 0 && bit < 32) {
    const m = 1 << bit;
    c.markLo = on ? c.markLo | m : c.markLo & ~m;
  } else if (bit >= 32 && bit < 64) {
    const m = 1 << (bit - 32);
    c.markHi = on ? c.markHi | m : c.markHi & ~m;
  }
}

/**
 * StandardMark: the 64 bits in binary, bit 0 as the rightmost character, no leading zeros ('0' for none).
 * Through a BigInt: its toString(2) is several times faster than Number's.
 */
export const markString = (c: Conversation): string => BigInt.asUintN(64, (BigInt(c.markHi) << 32n) | BigInt(c.markLo >>> 0)).toString(2);

/**
 * The conversation (by its key, `1:peer` / `2:groupId`) in get_contact_group / search_contact_group:
 * StandardMark with bit 0 as the rightmost character and no leading zeros; fields without a value are omitted.
 */
export function renderConversation(key: string, c: Conversation): Record<string, unknown> {
  const peer = key.slice(2);
  const out: Record<string, unknown> = key.charCodeAt(0) === 50 ? { Type: 2, ToGroupId: peer } : { Type: 1, To_Account: peer };
  if (c.markLo !== 0 || c.markHi !== 0) out.StandardMark = markString(c);
  if (c.custom !== '') out.CustomMark = c.custom;
  if (c.groups !== 0) out.ContactGroupId = groupIds(c);
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
