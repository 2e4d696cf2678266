import { corrupting, numberAsString } from '../corrupt.ts';
import { createResult } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: the conversation-group commands answer GroupId as a string. */
export const groupIdAsString: CatalogueVariant = {
  name: 'group-id-as-string',
  description: 'the recentcontact commands answer conversation-group GroupId as a string ("1") instead of an integer',
  killedBy: 'contracts',
  ...corrupting(
    'mistype',
    [
      'create_contact_group:GroupResultItem[].GroupItem.GroupId',
      'del_contact_group:GroupItem[].GroupId',
      'get_contact_group:GroupItem[].GroupId',
      'search_contact_group:GroupItem[].GroupId',
      'update_contact_group:UpdateGroupResult.GroupId',
    ],
    numberAsString,
  ),
  seenBy: ['create: a group with a C2C'],
  probe: {
    scenario: 'create; type of GroupId',
    run: async (p) => typeof (await createResult(p, 'g')).GroupItem.GroupId,
    correct: 'number',
    variant: 'string',
  },
};
