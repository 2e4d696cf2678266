import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { limits } from '../../../schema/index.ts';
import { createGroup, deleteGroups, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Quirk hook: del_contact_group answers OK but the group stays. */
export const deletedGroupStillListed: CatalogueVariant = {
  name: 'deleted-group-still-listed',
  description: `del_contact_group answers OK but the group is kept (still listed by get_contact_group, still counts to ${limits.maxGroupsPerUser})`,
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:GroupItem', how: 'disagree' }],
  seenBy: ['del: deletes a group'],
  quirks: { deleteDoesNotDelete: true },
  probe: {
    scenario: 'create g, delete g; GroupItem names',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g'));
      await p.call(CM.delContactGroup, deleteGroups('g'));
      return (await getPage(p)).GroupItem.map((g: Body) => g.GroupName);
    },
    correct: [],
    variant: ['g'],
  },
};
