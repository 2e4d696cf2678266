/**
 * The documented 1,000 caps (rule maxConversationsWithData, CONVERSATION_LIMIT_EXCEEDED), as the docs state
 * them: conversations with marks/custom data are capped on their own, and conversations in conversation
 * groups are capped either over all of the user's groups together (choice conversationCap `total`: the CN
 * pages and both error tables) or per group (`per-group`: the EN get_contact_group page). Only a change that
 * adds a conversation to a counted set is checked: data of conversations that already count can still change.
 */
import type { EmulatorChoices } from '../types.ts';
import { groupIds, type Conversation } from './conversation.ts';

export interface CapConfig {
  limit: number;
  mode: EmulatorChoices['conversationCap'];
}

const marked = (c: Conversation): boolean => c.markLo !== 0 || c.markHi !== 0 || c.custom !== '';
const grouped = (c: Conversation): boolean => c.groups !== 0;

export class Caps {
  /** Conversations with marks or custom data. */
  marked = 0;
  /** Conversations in at least one group. */
  grouped = 0;
  /** Conversations per GroupId. */
  readonly perGroup = new Map<number, number>();

  /** Whether changing `before` into `after` keeps every cap. */
  admits(before: Conversation, after: Conversation, cap: CapConfig): boolean {
    if (!marked(before) && marked(after) && this.marked >= cap.limit) return false;
    if (cap.mode === 'total') return grouped(before) || !grouped(after) || this.grouped < cap.limit;
    const had = new Set(groupIds(before));
    return groupIds(after).every((id) => had.has(id) || (this.perGroup.get(id) ?? 0) < cap.limit);
  }

  /** Counts a change that happened. */
  count(before: Conversation, after: Conversation): void {
    this.marked += Number(marked(after)) - Number(marked(before));
    this.grouped += Number(grouped(after)) - Number(grouped(before));
    if (typeof before.groups === 'number' && before.groups === after.groups) return;
    const was = new Set(groupIds(before));
    const now = new Set(groupIds(after));
    for (const id of was) if (!now.has(id)) this.perGroup.set(id, (this.perGroup.get(id) ?? 1) - 1);
    for (const id of now) if (!was.has(id)) this.perGroup.set(id, (this.perGroup.get(id) ?? 0) + 1);
  }
}
