import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { createGroup, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: create_contact_group answers a GroupId one above the id the group really got. */
export const createAnswerGroupIdOffByOne: CatalogueVariant = {
  name: 'create-answer-group-id-off-by-one',
  description: "create_contact_group answers GroupId n+1 for the group stored as n: the id disagrees with get_contact_group's GroupItem",
  killedBy: 'contracts',
  fields: [{ field: 'create_contact_group:GroupResultItem[].GroupItem.GroupId', how: 'disagree' }],
  seenBy: ['create: a group with a C2C'],
  transformResponse: editSuccess(CM.createContactGroup, (b) => {
    for (const r of b.GroupResultItem ?? []) if (typeof r?.GroupItem?.GroupId === 'number') r.GroupItem.GroupId += 1;
  }),
  probe: {
    scenario: "create g; [create's GroupId, get's GroupId] agree",
    run: async (p) => {
      const created = (await p.call(CM.createContactGroup, createGroup('g'))).GroupResultItem[0].GroupItem.GroupId;
      return created === (await getPage(p)).GroupItem.find((g: Body) => g.GroupName === 'g')?.GroupId;
    },
    correct: true,
    variant: false,
  },
};
