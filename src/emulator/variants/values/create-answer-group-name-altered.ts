import { corrupting, upperCased } from '../corrupt.ts';
import { createResult } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: create_contact_group echoes the group name upper-cased. */
export const createAnswerGroupNameAltered: CatalogueVariant = {
  name: 'create-answer-group-name-altered',
  description: 'create_contact_group answers the new group\'s GroupName upper-cased, not the name that was created (and is stored)',
  killedBy: 'contracts',
  ...corrupting('value', ['create_contact_group:GroupResultItem[].GroupItem.GroupName'], upperCased),
  seenBy: ['create: a group with a C2C'],
  probe: {
    scenario: 'create g; GroupName of the answer',
    run: async (p) => (await createResult(p, 'g')).GroupItem.GroupName,
    correct: 'g',
    variant: 'G',
  },
};
