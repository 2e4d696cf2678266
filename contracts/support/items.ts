/** Conversation objects (the generated types), per-item results and standard-mark bit strings. */
import type { ContactItem, ContactResultItem, GroupItem } from '../../src/generated/types.ts';

// Per-item results are read where every user reads them (the client layer); re-exported for the specs.
export { itemResults, type ItemResult } from '../../src/client/index.ts';

/** A conversation as requests name it. */
export type Contact = ContactItem;
/** A conversation's group/mark data as get_contact_group and search_contact_group return it. */
export type ContactData = ContactResultItem;
export type { GroupItem };

export const c2c = (peer: string): Contact => ({ Type: 1, To_Account: peer });
export const g2c = (groupId: string): Contact => ({ Type: 2, ToGroupId: groupId });
export const keyOf = (c: Contact): string => (c.Type === 1 ? `1:${c.To_Account ?? ''}` : `2:${c.ToGroupId ?? ''}`);

/*
 * A deliberate duplicate: the suites decode and encode StandardMark themselves (bitsOf, markOf) instead of
 * importing the emulator's encoding (src/emulator/state/conversation.ts). Sharing it would check the
 * emulator against itself: a bit-order bug there would then pass every mark test. Keep them independent.
 */

/** Bits set in a StandardMark string (bit 0 = rightmost character, the schema's choice). */
export function bitsOf(mark: string | undefined): number[] {
  if (!mark) return [];
  const bits: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[mark.length - 1 - i] === '1') bits.push(i);
  return bits;
}

/** The StandardMark string for a set of bits, without leading zeros ('' when no bit is set). */
export function markOf(bits: number[]): string {
  if (bits.length === 0) return '';
  let n = 0n;
  for (const b of bits) n |= 1n << BigInt(b);
  return n.toString(2);
}

export const sortNum = (a: number[]): number[] => [...a].sort((x, y) => x - y);
