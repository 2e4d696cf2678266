/**
 * The contract tests that see every field of a command's successful answer (seenBy of the generated
 * family): each calls the command so that its answer holds a C2C and a G2C conversation, marks, group
 * memberships and per-item results, and every response is checked against its schema. Per command, not
 * per field: a field added to a schema needs no entry here (a command added to the family does, and the
 * generator refuses to run without one).
 */
import { ENVELOPE } from './inventory.ts';

export const SEEN_BY: Readonly<Record<string, readonly string[]>> = {
  // every answer carries the envelope: the first test of the get spec
  [ENVELOPE]: ['get: a user without data'],
  create_contact_group: ['create: a group with a C2C and a G2C'],
  del_contact_group: ['del: deletes a group'],
  get_contact_group: ['get: returns every group'],
  // StandardMark: the search of a read-back after setting bits
  search_contact_group: ['search: returns the data', 'mark: set and clear'],
  mark_contact: ['mark: set and clear'],
  update_contact_group: ['update: add and remove'],
};
