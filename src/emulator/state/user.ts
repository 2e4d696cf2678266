/** One user's conversation groups, conversations with group/mark data, and recent-contact sessions. */
import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorChoices } from '../types.ts';
import {
  addGroupId,
  contactKey,
  copyConversation,
  hasData,
  newConversation,
  refOfKey,
  removeGroupId,
  renderContact,
  renderConversation,
  type ContactRef,
  type Conversation,
  type RenderChoices,
} from './conversation.ts';
import { Caps, type CapConfig } from './caps.ts';

export interface ContactGroup {
  GroupId: number;
  GroupName: string;
}

/** An entry of recentcontact/get_list. */
export interface Session extends ContactRef {
  key: string;
  msgTime: number;
}

export class UserData {
  /** By GroupId; insertion order = creation order = ascending id. */
  readonly groups = new Map<number, ContactGroup>();
  readonly groupsByName = new Map<string, ContactGroup>();
  /** GroupIds start at the choice firstGroupId per user, +1 per created group, never reused. */
  nextGroupId: number;
  /** Conversations with data by contactKey; insertion order = the first time the conversation got data. */
  readonly conversations = new Map<string, Conversation>();
  /** The counts the 1,000 caps are checked against (grouped, per group, marked). */
  readonly caps = new Caps();
  /**
   * The recent-contact list (key -> MsgTime). The docs say group and mark data are independent of it, so no
   * group or mark write touches it; entries come only from seeding (`addSession`), and delete removes them.
   */
  private readonly sessions = new Map<string, number>();
  private ordered: string[] | null = null;
  /** While a request may still be answered top-level (choice scope): each change's key and data before it. */
  private journal: [string, Conversation | undefined][] | undefined;

  constructor(readonly userId: string, firstGroupId: EmulatorChoices['firstGroupId']) {
    this.nextGroupId = firstGroupId;
  }

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
      const before = copyConversation(c);
      if (removeGroupId(c, g.GroupId)) this.changed(key, before, c, now);
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
  /** Keys of the conversations in first-data order; cached until the set changes (paging stays O(page)). */
  orderedKeys(): string[] {
    this.ordered ??= [...this.conversations.keys()];
    return this.ordered;
  }

  /** get_contact_group / search_contact_group object of the conversation with data under `key`. */
  render(key: string, choices: RenderChoices): Record<string, unknown> {
    return renderConversation(key, this.conversations.get(key) as Conversation, choices);
  }

  /**
   * Changes a conversation's data with `mutate` (returns whether anything changed): a change that would take a
   * conversation over one of the 1,000 caps (caps.ts) is undone and refused with CONVERSATION_LIMIT_EXCEEDED.
   * Returns the per-item result code.
   */
  update(ref: ContactRef, now: number, cap: CapConfig, mutate: (c: Conversation) => boolean): number {
    const key = contactKey(ref.Type, ref.peer);
    const existing = this.conversations.get(key);
    const before = existing ? copyConversation(existing) : newConversation();
    const c = existing ?? newConversation();
    if (!mutate(c)) return ErrorCodes.OK;
    if (!this.caps.admits(before, c, cap)) {
      if (existing) Object.assign(existing, before);
      return ErrorCodes.CONVERSATION_LIMIT_EXCEEDED;
    }
    if (!existing && !hasData(c)) return ErrorCodes.OK;
    this.journal?.push([key, existing ? before : undefined]);
    if (!existing) {
      this.conversations.set(key, c);
      this.ordered = null;
    }
    this.changed(key, before, c, now);
    return ErrorCodes.OK;
  }

  addToGroup(ref: ContactRef, groupId: number, now: number, cap: CapConfig): number {
    return this.update(ref, now, cap, (c) => addGroupId(c, groupId));
  }

  removeFromGroup(ref: ContactRef, groupId: number, now: number, cap: CapConfig): number {
    return this.update(ref, now, cap, (c) => removeGroupId(c, groupId));
  }

  /** After a change of a conversation: the cap counts follow, a new Timestamp, dropped when it has no data left. */
  private changed(key: string, before: Conversation, after: Conversation, now: number): void {
    this.caps.count(before, after);
    after.timestamp = now;
    if (!hasData(after)) {
      this.conversations.delete(key);
      this.ordered = null;
    }
  }

  /** Starts recording changes, so that `rollback` can undo them (a per-item code answered top-level). */
  begin(): void {
    this.journal = [];
  }

  /** Stops recording; the changes stay. */
  commit(): void {
    this.journal = undefined;
  }

  /** Undoes the changes since `begin`, newest first (a conversation dropped and restored moves to the end of the order). */
  rollback(): void {
    const entries = this.journal ?? [];
    this.journal = undefined;
    for (const [key, before] of entries.reverse()) {
      const now = this.conversations.get(key) ?? newConversation();
      this.caps.count(copyConversation(now), before ?? newConversation());
      if (before) this.conversations.set(key, before);
      else this.conversations.delete(key);
    }
    this.ordered = null;
  }

  /** Undoes `createGroup` of the group just created (its id is not used up). */
  uncreateGroup(g: ContactGroup): void {
    this.groups.delete(g.GroupId);
    this.groupsByName.delete(g.GroupName);
    if (g.GroupId === this.nextGroupId - 1) this.nextGroupId--;
  }

  /** Seeds a recent-contact entry (tests, benchmarks): the emulator has no messages that would create one. */
  addSession(ref: ContactRef, msgTime: number): void {
    this.sessions.set(contactKey(ref.Type, ref.peer), msgTime);
  }

  /** Removes the conversation from the recent-contact list (not its data); false when it was not listed. */
  deleteSession(ref: ContactRef): boolean {
    return this.sessions.delete(contactKey(ref.Type, ref.peer));
  }

  /** Sessions, most recent first. */
  sessionList(): Session[] {
    const list: Session[] = [];
    for (const [key, msgTime] of this.sessions) list.push({ key, msgTime, ...refOfKey(key) });
    return list.sort((a, b) => b.msgTime - a.msgTime || (a.key < b.key ? -1 : 1));
  }

  snapshot(choices: RenderChoices): Record<string, unknown> {
    return {
      nextGroupId: this.nextGroupId,
      groups: this.groupItems(),
      conversations: this.orderedKeys().map((key) => this.render(key, choices)),
      sessions: this.sessionList().map((s) => ({ ...renderContact(s), MsgTime: s.msgTime })),
    };
  }
}
