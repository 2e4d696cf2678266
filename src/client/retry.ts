/**
 * Which calls may be sent again after their answer was lost, and how a repeat is read.
 *
 * A lost answer (HTTP 502/503/504 from a gateway, a connection reset or closed before the answer, a
 * timeout) says nothing about whether the server applied the call: a gateway may fail before the server
 * sees the call or after the server has applied it. Only a refused connection proves the call never
 * arrived. So every command has a repeat rule, read from the docs:
 * - `read`: repeating changes nothing (get, search, get_list, account_check, …).
 * - `idempotent`: the same body again leaves the same state and gets the same answer — mark_contact sets
 *   and clears the same bits and the same CustomMark; account_import and multiaccount_import update an
 *   existing account ("If an account already exists it is updated"); update_contact_group adding or
 *   removing conversations states membership. Deletions of accounts, recent contacts and IM groups are
 *   repeated too: a repeat of an applied one answers "not found", which is the state the caller asked for
 *   (src/rundata reads it as "gone"); so is create_group, whose repeat answers 10021 "group ID already
 *   used", which src/rundata/im-groups.ts already resolves (destroy, create again).
 * - `conditional`: a repeat after an applied call is refused, with an answer that looks like a contract
 *   answer — create_contact_group ("the name exists": a doc-silent code), del_contact_group and a rename
 *   (51009, the group is gone). The client resolves these in src/client/applied.ts.
 */
import { CMD } from './commands.ts';
import type { TransportError } from './transport.ts';

export type RepeatRule = 'read' | 'idempotent' | 'conditional';

const IDEMPOTENT: ReadonlySet<string> = new Set([CMD.mark, CMD.accountImport, CMD.multiImport, CMD.accountDelete, CMD.delete, CMD.destroyGroup, CMD.createGroup]);
const CONDITIONAL: ReadonlySet<string> = new Set([CMD.create, CMD.del, CMD.update]);
/** Commands that only read (the family's get/search, recent contacts, account and group look-ups). */
const READ = /\/(get|search|check|query)[a-z_]*$/;

/**
 * The repeat rule of a command, or undefined when the harness does not know the command (a negative
 * test's wrong path): such a call is repeated only when the connection was refused.
 */
export function repeatRule(command: string): RepeatRule | undefined {
  if (CONDITIONAL.has(command)) return 'conditional';
  if (IDEMPOTENT.has(command)) return 'idempotent';
  if (READ.test(command)) return 'read';
  return undefined;
}

/** A lost answer: `unreachable` (refused, never arrived) is the one kind the server surely did not apply. */
export const mayHaveArrived = (e: TransportError | { kind: 'http' }): boolean => e.kind !== 'unreachable';

/** Whether a call whose answer was lost may be sent again. */
export function mayRepeat(command: string, arrived: boolean, path?: string): boolean {
  if (!arrived) return true;
  // A wrong path is answered with an error by the server and changes nothing: repeating it is safe.
  if (path !== undefined && path !== command) return true;
  return repeatRule(command) !== undefined;
}
