import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { createGroup, deleteGroups } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: del_contact_group answers each deleted group with its GroupId plus one. */
export const delAnswerGroupIdWrong: CatalogueVariant = {
  name: 'del-answer-group-id-wrong',
  description: "del_contact_group answers the deleted group with GroupId n+1 for group n: the id disagrees with create_contact_group's answer",
  killedBy: 'contracts',
  fields: [{ field: 'del_contact_group:GroupItem[].GroupId', how: 'disagree' }],
  seenBy: ['del: deletes a group'],
  transformResponse: editSuccess(CM.delContactGroup, (b) => {
    for (const g of b.GroupItem ?? []) if (typeof g?.GroupId === 'number') g.GroupId += 1;
  }),
  probe: {
    scenario: "create g, delete g; [create's GroupId, del's GroupId]",
    run: async (p) => {
      const id = (await p.call(CM.createContactGroup, createGroup('g'))).GroupResultItem[0].GroupItem.GroupId;
      return [id, (await p.call(CM.delContactGroup, deleteGroups('g'))).GroupItem[0].GroupId];
    },
    correct: [1, 1],
    variant: [1, 2],
  },
};
