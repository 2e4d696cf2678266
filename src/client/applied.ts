/**
 * Recognising a repeated write that meets its own earlier, applied attempt (see retry.ts, `conditional`).
 *
 * After a lost answer the client repeats create_contact_group, del_contact_group or a rename; if the
 * first attempt was applied, the repeat is refused ("the name exists" / 51009) exactly like a genuine
 * contract answer. What tells the two apart is the state before the call, which the client knows from
 * the answers it has itself received (the journal: per account, the group names it saw created, renamed
 * or deleted). When the refusal contradicts the journal, the client undoes the applied write with the
 * inverse call and sends the original once more, so the caller still gets the server's own answer to
 * its call, never one the harness made up. The inverse call doubles as the probe: if it is refused, the
 * first attempt was not applied and the repeat's answer stands.
 */
import { ErrorCodes } from '../errors/index.ts';
import { CMD } from './commands.ts';

interface Envelope {
  ErrorCode?: unknown;
}
const codeOf = (body: unknown): number | undefined => {
  const c = (body as Envelope | undefined)?.ErrorCode;
  return typeof c === 'number' ? c : undefined;
};

/** Group names per account, as the client's own successful answers left them. */
export class GroupJournal {
  private readonly names = new Map<string, Set<string>>();

  /** A copy of what the client knows about `user` before a call. */
  snapshot(user: unknown): ReadonlySet<string> {
    return new Set(typeof user === 'string' ? this.names.get(user) : undefined);
  }

  private of(user: string): Set<string> {
    let s = this.names.get(user);
    if (!s) this.names.set(user, (s = new Set()));
    return s;
  }

  /** Learns from an answer of the server (only successful writes change what is known). */
  note(command: string, request: unknown, answer: unknown): void {
    if (codeOf(answer) !== ErrorCodes.OK) return;
    const r = request as Record<string, any> | undefined;
    const user = r?.From_Account;
    if (typeof user !== 'string') return;
    if (command === CMD.create) for (const g of r?.GroupContactItem ?? []) if (typeof g?.GroupName === 'string') this.of(user).add(g.GroupName);
    if (command === CMD.del) for (const n of r?.GroupName ?? []) this.of(user).delete(n);
    const u = r?.UpdateGroup;
    if (command === CMD.update && u?.UpdateGroupType === 1 && typeof u.OldGroupName === 'string' && typeof u.NewGroupName === 'string') {
      this.of(user).delete(u.OldGroupName);
      this.of(user).add(u.NewGroupName);
    }
  }
}

/** The inverse of a write whose repeat was refused against what the journal knew, or undefined. */
export function inverseOf(command: string, request: unknown, answer: unknown, known: ReadonlySet<string>): { command: string; body: unknown } | undefined {
  const code = codeOf(answer);
  if (code === undefined || code === ErrorCodes.OK) return undefined;
  const r = request as Record<string, any> | undefined;
  const user = r?.From_Account;
  if (typeof user !== 'string') return undefined;
  if (command === CMD.create) {
    const items = r?.GroupContactItem;
    const name = Array.isArray(items) && items.length === 1 ? items[0]?.GroupName : undefined;
    // Refused although the client never saw the name: the lost first attempt may have created it.
    if (typeof name !== 'string' || known.has(name)) return undefined;
    return { command: CMD.del, body: { From_Account: user, GroupName: [name] } };
  }
  if (command === CMD.del) {
    const names = r?.GroupName;
    if (code !== ErrorCodes.CONTACT_GROUP_NOT_FOUND || !Array.isArray(names) || names.length !== 1 || !known.has(names[0])) return undefined;
    // The lost first attempt deleted it: bring the name back (empty) so the delete can be sent again.
    return { command: CMD.create, body: { From_Account: user, GroupContactItem: [{ GroupName: names[0], ContactItem: [] }] } };
  }
  const u = r?.UpdateGroup;
  if (command === CMD.update && u?.UpdateGroupType === 1 && typeof u.OldGroupName === 'string' && typeof u.NewGroupName === 'string') {
    if (!known.has(u.OldGroupName) || known.has(u.NewGroupName)) return undefined;
    return { command: CMD.update, body: { From_Account: user, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: u.NewGroupName, NewGroupName: u.OldGroupName } } };
  }
  return undefined;
}

/** Whether the inverse call succeeded, i.e. the lost first attempt had been applied. */
export const inverseApplied = (answer: unknown): boolean => codeOf(answer) === ErrorCodes.OK;
