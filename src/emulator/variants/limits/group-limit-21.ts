import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { ordinal } from '../../../rules/index.ts';
import { codeAfterGroups } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooMany = limits.maxGroupsPerUser + 1;

/** Config hook: the per-user group cap is one above the documented one (an off-by-one `<=`). */
export const groupLimit21: CatalogueVariant = {
  name: 'group-limit-21',
  description: `the ${ordinal(oneTooMany)} conversation group is created instead of answering CONTACT_GROUP_LIMIT_EXCEEDED`,
  killedBy: 'contracts',
  seenBy: ['groups are accepted, the'],
  config: { limits: { maxGroupsPerUser: oneTooMany } },
  probe: {
    scenario: `create a ${ordinal(oneTooMany)} group`,
    run: (p) => codeAfterGroups(p, limits.maxGroupsPerUser),
    correct: ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED,
    variant: ErrorCodes.OK,
  },
};
