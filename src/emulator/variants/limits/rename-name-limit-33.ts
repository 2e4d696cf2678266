import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { rules } from '../../../rules/index.ts';
import { bytes, codeOf, createGroup, renameGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** The docs conflict on NewGroupName (32 vs 64 bytes); the harness holds rename to the GroupName limit. */
const oneTooLong = rules.maxNewGroupNameBytes.over;

/** Config hook: update_contact_group (rename) allows a NewGroupName one byte too long. */
export const renameNameLimit33: CatalogueVariant = {
  name: 'rename-name-limit-33',
  description: `update_contact_group renames a group to a ${oneTooLong}-byte NewGroupName instead of answering ${ErrorCodes.CONTACT_GROUP_NAME_INVALID}`,
  killedBy: 'contracts',
  seenBy: ['update: rename to 31 and 32 bytes of 1-byte'],
  config: { limits: { maxNewGroupNameBytes: oneTooLong } },
  probe: {
    scenario: `rename a group to a ${oneTooLong}-byte name`,
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g'));
      return codeOf(p, CM.updateContactGroup, renameGroup('g', bytes(oneTooLong)));
    },
    correct: ErrorCodes.CONTACT_GROUP_NAME_INVALID,
    variant: ErrorCodes.OK,
  },
};
