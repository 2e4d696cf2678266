/**
 * Short names of the commands the suites and the load side call (`CMD.create`, `CMD.mark`, …): the one
 * alias table. The full names come from the generated table (built from schemas/), so a command's
 * name is written once; load's `--commands get,search` aliases are a subset of these keys.
 */
import { COMMAND_METHODS } from '../generated/command-methods.ts';

export const CMD = {
  create: COMMAND_METHODS.createContactGroup,
  update: COMMAND_METHODS.updateContactGroup,
  del: COMMAND_METHODS.delContactGroup,
  search: COMMAND_METHODS.searchContactGroup,
  mark: COMMAND_METHODS.markContact,
  get: COMMAND_METHODS.getContactGroup,
  getList: COMMAND_METHODS.getList,
  delete: COMMAND_METHODS.delete,
  accountImport: COMMAND_METHODS.accountImport,
  multiImport: COMMAND_METHODS.multiaccountImport,
  accountDelete: COMMAND_METHODS.accountDelete,
  createGroup: COMMAND_METHODS.createGroup,
  destroyGroup: COMMAND_METHODS.destroyGroup,
} as const;

export type CmdAlias = keyof typeof CMD;

/** The alias of a command (`get` for recentcontact/get_contact_group), or the command itself when it has none. */
export const aliasOf = (command: string): string => (Object.keys(CMD) as CmdAlias[]).find((k) => CMD[k] === command) ?? command;
