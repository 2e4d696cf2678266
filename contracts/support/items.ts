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

/**
 * How the target writes StandardMark — a doc-silent point: the docs give the string only by example
 * ("011111110") and never say which end is bit 0 nor whether it is padded. The setup project probes it once
 * per run (probeMarkForm) and the suites read every mark in that form.
 */
export interface MarkForm {
  /** 'lsb-right': bit 0 is the rightmost character (the default); 'lsb-left': the leftmost. */
  order: 'lsb-right' | 'lsb-left';
  /** 'trim': no zeros beyond the highest set bit (the default); 'pad-64': zero-padded to 64 characters. */
  padding: 'trim' | 'pad-64' | 'other';
}
export const DEFAULT_MARK_FORM: MarkForm = { order: 'lsb-right', padding: 'trim' };
/** The bit a form probe sets: counted from the right it is the 6th character, from the left too only in an 11-character string. */
export const MARK_PROBE_BIT = 5;
const MARK_BITS = 64;

/** Bits set in a StandardMark string, read in `order` (default: bit 0 = rightmost character). */
export function bitsOf(mark: string | undefined, order: MarkForm['order'] = DEFAULT_MARK_FORM.order): number[] {
  if (!mark) return [];
  const bits: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[order === 'lsb-right' ? mark.length - 1 - i : i] === '1') bits.push(i);
  return bits;
}

/** The StandardMark string for a set of bits in `form` (default: no leading zeros, '' when no bit is set). */
export function markOf(bits: number[], form: MarkForm = DEFAULT_MARK_FORM): string {
  if (bits.length === 0 && form.padding !== 'pad-64') return '';
  const width = form.padding === 'pad-64' ? MARK_BITS : Math.max(...bits) + 1;
  const chars = Array.from({ length: width }, (_, i) => (bits.includes(i) ? '1' : '0'));
  return (form.order === 'lsb-right' ? chars.reverse() : chars).join('');
}

/**
 * The form of `mark`, a string read back after setting only bit `bit` (not a palindrome position): the order
 * under which exactly that bit is set, and the padding. undefined when neither order reads `[bit]`.
 */
export function formOf(mark: string | undefined, bit: number): MarkForm | undefined {
  const orders = (['lsb-right', 'lsb-left'] as const).filter((o) => {
    const b = bitsOf(mark, o);
    return b.length === 1 && b[0] === bit;
  });
  if (orders.length !== 1 || !mark) return undefined;
  const order = orders[0] as MarkForm['order'];
  const padding = mark.length === MARK_BITS ? 'pad-64' : mark === markOf([bit], { order, padding: 'trim' }) ? 'trim' : 'other';
  return { order, padding };
}

export const sortNum = (a: number[]): number[] => [...a].sort((x, y) => x - y);
