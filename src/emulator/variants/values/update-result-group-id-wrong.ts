import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { createGroup, renameGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: update_contact_group answers the updated group's GroupId plus one. */
export const updateResultGroupIdWrong: CatalogueVariant = {
  name: 'update-result-group-id-wrong',
  description: "update_contact_group answers UpdateGroupResult.GroupId n+1 for group n: the id disagrees with create_contact_group's answer",
  killedBy: 'contracts',
  fields: [{ field: 'update_contact_group:UpdateGroupResult.GroupId', how: 'disagree' }],
  seenBy: ['update: add and remove', 'update: rename keeps'],
  transformResponse: editSuccess(CM.updateContactGroup, (b) => {
    if (typeof b.UpdateGroupResult?.GroupId === 'number') b.UpdateGroupResult.GroupId += 1;
  }),
  probe: {
    scenario: "create a, rename a → b; [create's GroupId, update's GroupId]",
    run: async (p) => {
      const id = (await p.call(CM.createContactGroup, createGroup('a'))).GroupResultItem[0].GroupItem.GroupId;
      return [id, (await p.call(CM.updateContactGroup, renameGroup('a', 'b'))).UpdateGroupResult.GroupId];
    },
    correct: [1, 1],
    variant: [1, 2],
  },
};
