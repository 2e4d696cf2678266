/**
 * Request bodies of the catalogue probes. Built here rather than taken from the contract suite or the
 * client: the variants sit in the emulator layer, below both. Every body acts as PROBE_USER. Command
 * names come from the generated COMMAND_METHODS (no alias table of its own).
 */

/** The account every probe acts as (imported before the probe runs). */
export const PROBE_USER = 'u1';

export const c2c = (peer: string) => ({ Type: 1, To_Account: peer });
export const createGroup = (name: string, contacts: object[] = []) => ({ From_Account: PROBE_USER, GroupContactItem: [{ GroupName: name, ContactItem: contacts }] });
export const renameGroup = (oldName: string, newName: string) => ({ From_Account: PROBE_USER, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: oldName, NewGroupName: newName } });
export const deleteGroups = (...names: string[]) => ({ From_Account: PROBE_USER, GroupName: names });
export const mark = (items: object[]) => ({ From_Account: PROBE_USER, MarkItem: items });
/** One CustomMark item (OptType 2) per peer. */
export const customMarks = (peers: string[]) => mark(peers.map((p) => ({ OptType: 2, ContactItem: c2c(p), CustomMark: 'x' })));
export const search = (peers: string[]) => ({ From_Account: PROBE_USER, ContactItem: peers.map(c2c) });
export const getPageBody = (start = 0) => ({ From_Account: PROBE_USER, StartIndex: start });
export const peers = (n: number, prefix = 'p'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** An ASCII string of exactly n bytes. */
export const bytes = (n: number): string => 'a'.repeat(n);
