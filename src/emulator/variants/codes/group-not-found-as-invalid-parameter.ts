import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { codeOf, deleteGroups } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: an unknown group name is reported as a generic parameter error. */
export const groupNotFoundAsInvalidParameter: CatalogueVariant = {
  name: 'group-not-found-as-invalid-parameter',
  description: `update/delete of a conversation group that does not exist answers ${ErrorCodes.INVALID_PARAMETER} instead of ${ErrorCodes.CONTACT_GROUP_NOT_FOUND}`,
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ErrorCode', how: 'value' }],
  seenBy: ['a group the user does not have'],
  quirks: { codeRemap: { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: ErrorCodes.INVALID_PARAMETER } },
  probe: {
    scenario: 'delete a group that does not exist',
    run: (p) => codeOf(p, CM.delContactGroup, deleteGroups('nope')),
    correct: ErrorCodes.CONTACT_GROUP_NOT_FOUND,
    variant: ErrorCodes.INVALID_PARAMETER,
  },
};
