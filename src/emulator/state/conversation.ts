/** A conversation's group/mark data, its key and its rendering in responses. */
import type { EmulatorChoices } from '../types.ts';

/** The doc-silent choices of a conversation's rendering. */
export type RenderChoices = Pick<EmulatorChoices, 'markBitOrder' | 'markPadding' | 'emptyFields'>;

const MARK_BITS = 64;

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

export const newConversation = (): Conversation => ({ groups: 0, markLo: 0, markHi: 0, custom: '', timestamp: 0 });

/** A copy that shares nothing mutable with `c`. */
export const copyConversation = (c: Conversation): Conversation => ({ ...c, groups: typeof c.groups === 'number' ? c.groups : c.groups.slice() });

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
 * StandardMark: the 64 bits in binary; by default bit 0 is the rightmost character and there are no leading
 * zeros ('0' for none). The docs show the string only by example, so bit order (choice markBitOrder) and
 * zero padding to 64 characters (choice markPadding) are choices, applied here only.
 * Through a BigInt: its toString(2) is several times faster than Number's.
 */
export function markString(c: Conversation, choices: RenderChoices): string {
  const msbFirst = BigInt.asUintN(MARK_BITS, (BigInt(c.markHi) << 32n) | BigInt(c.markLo >>> 0)).toString(2);
  if (choices.markBitOrder === 'lsb-right') return choices.markPadding === 'pad-64' ? msbFirst.padStart(MARK_BITS, '0') : msbFirst;
  // bit 0 leftmost: the reversed string; "no leading zeros" then means no zeros beyond the highest set bit
  const lsbFirst = [...msbFirst].reverse().join('');
  return choices.markPadding === 'pad-64' ? lsbFirst.padEnd(MARK_BITS, '0') : lsbFirst;
}

/**
 * The conversation (by its key, `1:peer` / `2:groupId`) in get_contact_group / search_contact_group.
 * Fields without a value are omitted, or present as "0"-mark / "" / [] (choice emptyFields, consulted here only).
 */
export function renderConversation(key: string, c: Conversation, choices: RenderChoices): Record<string, unknown> {
  const peer = key.slice(2);
  const out: Record<string, unknown> = key.charCodeAt(0) === 50 ? { Type: 2, ToGroupId: peer } : { Type: 1, To_Account: peer };
  const all = choices.emptyFields === 'present';
  if (all || c.markLo !== 0 || c.markHi !== 0) out.StandardMark = markString(c, choices);
  if (all || c.custom !== '') out.CustomMark = c.custom;
  if (all || c.groups !== 0) out.ContactGroupId = groupIds(c);
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
