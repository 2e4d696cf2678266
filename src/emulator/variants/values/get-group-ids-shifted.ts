import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { createGroup, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group lists each group with its GroupId plus one. */
export const getGroupIdsShifted: CatalogueVariant = {
  name: 'get-group-ids-shifted',
  description: 'get_contact_group lists every group with GroupId n+1: the ids disagree with create_contact_group\'s answer and with ContactGroupId',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:GroupItem[].GroupId', how: 'disagree' }],
  seenBy: ['create: a group with a C2C', 'get: returns every group'],
  transformResponse: editSuccess(CM.getContactGroup, (b) => {
    for (const g of b.GroupItem ?? []) if (typeof g?.GroupId === 'number') g.GroupId += 1;
  }),
  probe: {
    scenario: "create g; [create's GroupId, get's GroupId]",
    run: async (p) => {
      const created = (await p.call(CM.createContactGroup, createGroup('g'))).GroupResultItem[0].GroupItem.GroupId;
      return [created, (await getPage(p)).GroupItem.map((g: Body) => g.GroupId)[0]];
    },
    correct: [1, 1],
    variant: [1, 2],
  },
};
