import type { BenignVariant } from '../../../types.ts';

const FIRST = 1000;

/** GroupIds that do not start at 1. */
export const groupIdsFrom1000: BenignVariant = {
  name: 'group-ids-from-1000',
  description: `a user's first conversation group gets GroupId ${FIRST} (the default: 1); ids count up from it`,
  kind: 'benign',
  config: { choices: { firstGroupId: FIRST } },
  docs: 'GroupId is an Integer identifying a conversation group; the samples show 1 and 2, no doc says where ids start or how they grow',
};
