/** One user's conversation groups, conversations with group/mark data, and recent-contact sessions. */
import { ErrorCodes } from '../../errors/index.ts';
import {
  addGroupId,
  contactKey,
  hasData,
  newConversation,
  refOfKey,
  removeGroupId,
  renderContact,
  renderConversation,
  type ContactRef,
  type Conversation,
} from './conversation.ts';

export interface ContactGroup {
  GroupId: number;
  GroupName: string;
}

/** An entry of recentcontact/get_list; independent of the group/mark data once created. */
export interface Session extends ContactRef {
  key: string;
  msgTime: number;
}

export class UserData {
  /** By GroupId; insertion order = creation order = ascending id. */
  readonly groups = new Map<number, ContactGroup>();
  readonly groupsByName = new Map<string, ContactGroup>();
  /** GroupIds start at 1 per user, +1 per created group, never reused. */
  nextGroupId = 1;
  /** Conversations with data by contactKey; insertion order = the first time the conversation got data. */
  readonly conversations = new Map<string, Conversation>();
  /**
   * The recent-contact list is the conversations with data whose `listed` is set (MsgTime = their
   * Timestamp) plus these entries of conversations that have no data any more: key -> MsgTime.
   */
  private readonly dataless = new Map<string, number>();
  private ordered: string[] | null = null;

  constructor(readonly userId: string) {}

  createGroup(name: string): ContactGroup {
    const g = { GroupId: this.nextGroupId++, GroupName: name };
    this.groups.set(g.GroupId, g);
    this.groupsByName.set(name, g);
    return g;
  }

  renameGroup(g: ContactGroup, name: string): void {
    this.groupsByName.delete(g.GroupName);
    g.GroupName = name;
    this.groupsByName.set(name, g);
  }

  /** Removes the group; unless `keepIds`, also its id from every conversation (which may drop them). */
  deleteGroup(g: ContactGroup, now: number, keepIds: boolean): void {
    this.groups.delete(g.GroupId);
    this.groupsByName.delete(g.GroupName);
    if (keepIds) return;
    // Deleting the entry being visited is safe during Map iteration.
    for (const [key, c] of this.conversations) {
      if (removeGroupId(c, g.GroupId)) this.changed(key, c, now);
    }
  }

  groupItems(): ContactGroup[] {
    const out: ContactGroup[] = [];
    for (const g of this.groups.values()) out.push({ GroupName: g.GroupName, GroupId: g.GroupId });
    return out;
  }

  get conversationCount(): number {
    return this.conversations.size;
  }

  conversation(ref: ContactRef): Conversation | undefined {
    return this.conversations.get(contactKey(ref.Type, ref.peer));
  }

  /** Keys of the conversations in first-data order; cached until the set changes (paging stays O(page)). */
  orderedKeys(): string[] {
    this.ordered ??= [...this.conversations.keys()];
    return this.ordered;
  }

  /** get_contact_group / search_contact_group object of the conversation with data under `key`. */
  render(key: string): Record<string, unknown> {
    return renderConversation(key, this.conversations.get(key) as Conversation);
  }

  /**
   * Changes a conversation's data with `mutate` (returns whether anything changed). A conversation
   * gaining data while the user already has `cap` of them is refused with CONVERSATION_LIMIT_EXCEEDED.
   * Returns the per-item result code.
   */
  update(ref: ContactRef, now: number, cap: number, mutate: (c: Conversation) => boolean): number {
    const key = contactKey(ref.Type, ref.peer);
    const existing = this.conversations.get(key);
    if (existing) {
      if (mutate(existing)) this.changed(key, existing, now);
      return ErrorCodes.OK;
    }
    const c = newConversation();
    if (!mutate(c) || !hasData(c)) return ErrorCodes.OK;
    if (this.conversations.size >= cap) return ErrorCodes.CONVERSATION_LIMIT_EXCEEDED;
    c.timestamp = now;
    c.listed = true;
    if (this.dataless.size > 0) this.dataless.delete(key);
    this.conversations.set(key, c);
    this.ordered = null;
    return ErrorCodes.OK;
  }

  addToGroup(ref: ContactRef, groupId: number, now: number, cap: number): number {
    return this.update(ref, now, cap, (c) => addGroupId(c, groupId));
  }

  removeFromGroup(ref: ContactRef, groupId: number, now: number, cap: number): number {
    return this.update(ref, now, cap, (c) => removeGroupId(c, groupId));
  }

  /** After a change of an existing conversation: new Timestamp and MsgTime, or dropped when it has no data left. */
  private changed(key: string, c: Conversation, now: number): void {
    c.timestamp = now;
    c.listed = true;
    if (!hasData(c)) {
      this.conversations.delete(key);
      this.dataless.set(key, now);
      this.ordered = null;
    }
  }

  /** Removes the conversation from the recent-contact list (not its data); false when it was not listed. */
  deleteSession(ref: ContactRef): boolean {
    const key = contactKey(ref.Type, ref.peer);
    const c = this.conversations.get(key);
    if (!c) return this.dataless.delete(key);
    const was = c.listed;
    c.listed = false;
    return was;
  }

  /** Sessions, most recent first. */
  sessionList(): Session[] {
    const list: Session[] = [];
    for (const [key, c] of this.conversations) if (c.listed) list.push({ key, msgTime: c.timestamp, ...refOfKey(key) });
    for (const [key, msgTime] of this.dataless) list.push({ key, msgTime, ...refOfKey(key) });
    return list.sort((a, b) => b.msgTime - a.msgTime || (a.key < b.key ? -1 : 1));
  }

  snapshot(): Record<string, unknown> {
    return {
      nextGroupId: this.nextGroupId,
      groups: this.groupItems(),
      conversations: this.orderedKeys().map((key) => this.render(key)),
      sessions: this.sessionList().map((s) => ({ ...renderContact(s), MsgTime: s.msgTime })),
    };
  }
}
