import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: del_contact_group answers OK but the group stays. */
export const deletedGroupStillListed: EmulatorVariant = {
  name: 'deleted-group-still-listed',
  description: 'del_contact_group answers OK but the group is kept (still listed by get_contact_group, still counts to 20)',
  quirks: { deleteDoesNotDelete: true },
};
