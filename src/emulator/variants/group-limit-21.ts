import type { EmulatorVariant } from '../types.ts';

/** Config hook: the per-user group cap is 21 instead of 20. */
export const groupLimit21: EmulatorVariant = {
  name: 'group-limit-21',
  description: 'the 21st conversation group is created instead of answering CONTACT_GROUP_LIMIT_EXCEEDED',
  config: { limits: { maxGroupsPerUser: 21 } },
};
