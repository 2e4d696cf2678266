import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { createGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: create_contact_group echoes the group name upper-cased. */
export const createAnswerGroupNameAltered: CatalogueVariant = {
  name: 'create-answer-group-name-altered',
  description: 'create_contact_group answers the new group\'s GroupName upper-cased, not the name that was created (and is stored)',
  killedBy: 'contracts',
  fields: [{ field: 'create_contact_group:GroupResultItem[].GroupItem.GroupName', how: 'value' }],
  seenBy: ['create: a group with a C2C'],
  transformResponse: editSuccess(CM.createContactGroup, (b) => {
    for (const r of b.GroupResultItem ?? []) if (typeof r?.GroupItem?.GroupName === 'string') r.GroupItem.GroupName = r.GroupItem.GroupName.toUpperCase();
  }),
  probe: {
    scenario: 'create g; GroupName of the answer',
    run: async (p) => (await p.call(CM.createContactGroup, createGroup('g'))).GroupResultItem[0].GroupItem.GroupName,
    correct: 'g',
    variant: 'G',
  },
};
