import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { ordinal } from '../../../rules/index.ts';
import { codeAfterGroups } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooMany = ordinal(limits.maxGroupsPerUser + 1);

/** Quirk hook: the group over the cap is refused, but with the name error instead of the count error. */
export const groupLimitCodeAsNameCode: CatalogueVariant = {
  name: 'group-limit-code-as-name-code',
  description: `creating a ${oneTooMany} conversation group answers ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} (name invalid) instead of ${ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED} (too many groups)`,
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ErrorCode', how: 'value' }],
  seenBy: ['groups are accepted, the'],
  quirks: { codeRemap: { [ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED]: ErrorCodes.CONTACT_GROUP_NAME_INVALID } },
  probe: {
    scenario: `create a ${oneTooMany} group`,
    run: (p) => codeAfterGroups(p, limits.maxGroupsPerUser),
    correct: ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED,
    variant: ErrorCodes.CONTACT_GROUP_NAME_INVALID,
  },
};
