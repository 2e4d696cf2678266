import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: deleting a group leaves its id in the conversations' ContactGroupId. */
export const deletedGroupIdKept: EmulatorVariant = {
  name: 'deleted-group-id-kept',
  description: 'del_contact_group removes the group but its id stays in the member conversations\' ContactGroupId',
  quirks: { keepGroupIdsOnDelete: true },
};
