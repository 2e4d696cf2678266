import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupted, inConversations } from '../corrupt.ts';
import { c2c, createGroup, deleteGroups, searchOne } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: deleting a group leaves its id in the conversations' ContactGroupId. */
export const deletedGroupIdKept: CatalogueVariant = {
  name: 'deleted-group-id-kept',
  description: 'del_contact_group removes the group but its id stays in the member conversations\' ContactGroupId',
  killedBy: 'contracts',
  fields: corrupted('disagree', inConversations('ContactGroupId')),
  seenBy: ['del: deletes a group'],
  quirks: { keepGroupIdsOnDelete: true },
  probe: {
    scenario: 'create g with conversation p, delete g; ContactGroupId of p',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g', [c2c('p')]));
      await p.call(CM.delContactGroup, deleteGroups('g'));
      return (await searchOne(p, 'p'))?.ContactGroupId ?? null;
    },
    correct: null,
    variant: [1],
  },
};
