/** A valid request body for each command of the family (the envelope tests vary only the envelope). */
import { CMD } from './commands.ts';
import { c2c } from './items.ts';
import { groupName, peerName } from './names.ts';

export function validBody(command: string, owner: string, runId: string): Record<string, unknown> {
  const peer = c2c(peerName(runId, 'env'));
  switch (command) {
    case CMD.create:
      return { From_Account: owner, GroupContactItem: [{ GroupName: groupName(runId, 'envelope'), ContactItem: [peer] }] };
    case CMD.update:
      return { From_Account: owner, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: groupName(runId, 'old'), NewGroupName: groupName(runId, 'new') } };
    case CMD.del:
      return { From_Account: owner, GroupName: [groupName(runId, 'envelope')] };
    case CMD.search:
      return { From_Account: owner, ContactItem: [peer] };
    case CMD.mark:
      return { From_Account: owner, MarkItem: [{ OptType: 2, ContactItem: peer, CustomMark: 'envelope' }] };
    case CMD.get:
      return { From_Account: owner, StartIndex: 0 };
    default:
      throw new Error(`no valid body for ${command}`);
  }
}

/** The command without its service, for test titles: `create_contact_group` for recentcontact/create_contact_group. */
export const commandWithoutService = (command: string): string => command.split('/')[1] ?? command;
