/** One user's conversation groups, conversations with group/mark data, and recent-contact sessions. */
import { ErrorCodes } from '../../errors/index.ts';
import {
  addId,
  contactKey,
  hasData,
  newConversation,
  removeId,
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

/** The conversation of a key made by contactKey (`1:peer` / `2:groupId`). */
const refOfKey = (key: string): ContactRef => ({ Type: key.startsWith('2:') ? 2 : 1, peer: key.slice(2) });

export class UserData {
  /** By GroupId; insertion order = creation order = ascending id. */
  readonly groups = new Map<number, ContactGroup>();
  readonly groupsByName = new Map<string, ContactGroup>();
  /** GroupIds start at 1 per user, +1 per created group, never reused. */
  nextGroupId = 1;
  /** Conversations with data; insertion order = the first time the conversation got data. */
  readonly conversations = new Map<string, Conversation>();
  /** Recent-contact list: conversation key -> MsgTime (kept compact: one number per entry). */
  readonly sessions = new Map<string, number>();
  private ordered: Conversation[] | null = null;

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
    for (const c of [...this.conversations.values()]) {
      if (removeId(c.groupIds, g.GroupId)) this.changed(c, now);
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

  /** Conversations in first-data order; cached until the set changes (paging stays O(page)). */
  orderedConversations(): Conversation[] {
    this.ordered ??= [...this.conversations.values()];
    return this.ordered;
  }

  /**
   * Changes a conversation's data with `mutate` (returns whether anything changed). A conversation
   * gaining data while the user already has `cap` of them is refused with CONVERSATION_LIMIT_EXCEEDED.
   * Returns the per-item result code.
   */
  update(ref: ContactRef, now: number, cap: number, mutate: (c: Conversation) => boolean): number {
    const existing = this.conversation(ref);
    if (existing) {
      if (mutate(existing)) this.changed(existing, now);
      return ErrorCodes.OK;
    }
    const c = newConversation(ref);
    if (!mutate(c) || !hasData(c)) return ErrorCodes.OK;
    if (this.conversations.size >= cap) return ErrorCodes.CONVERSATION_LIMIT_EXCEEDED;
    c.timestamp = now;
    this.conversations.set(c.key, c);
    this.ordered = null;
    this.touchSession(c, now);
    return ErrorCodes.OK;
  }

  addToGroup(ref: ContactRef, groupId: number, now: number, cap: number): number {
    return this.update(ref, now, cap, (c) => addId(c.groupIds, groupId));
  }

  removeFromGroup(ref: ContactRef, groupId: number, now: number, cap: number): number {
    return this.update(ref, now, cap, (c) => removeId(c.groupIds, groupId));
  }

  /** After a change of an existing conversation: new Timestamp, or dropped when it has no data left. */
  private changed(c: Conversation, now: number): void {
    c.timestamp = now;
    this.touchSession(c, now);
    if (!hasData(c)) {
      this.conversations.delete(c.key);
      this.ordered = null;
    }
  }

  private touchSession(c: Conversation, now: number): void {
    this.sessions.set(c.key, now);
  }

  deleteSession(ref: ContactRef): boolean {
    return this.sessions.delete(contactKey(ref.Type, ref.peer));
  }

  /** Sessions, most recent first. */
  sessionList(): Session[] {
    const list: Session[] = [];
    for (const [key, msgTime] of this.sessions) list.push({ key, msgTime, ...refOfKey(key) });
    return list.sort((a, b) => b.msgTime - a.msgTime || (a.key < b.key ? -1 : 1));
  }

  snapshot(): Record<string, unknown> {
    return {
      nextGroupId: this.nextGroupId,
      groups: this.groupItems(),
      conversations: this.orderedConversations().map(renderConversation),
      sessions: this.sessionList().map((s) => ({ ...renderContact(s), MsgTime: s.msgTime })),
    };
  }
}
