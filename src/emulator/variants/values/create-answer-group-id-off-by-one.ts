import { corrupting, plusOne } from '../corrupt.ts';
import { createResult, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: create_contact_group answers a GroupId one above the id the group really got. */
export const createAnswerGroupIdOffByOne: CatalogueVariant = {
  name: 'create-answer-group-id-off-by-one',
  description: "create_contact_group answers GroupId n+1 for the group stored as n: the id disagrees with get_contact_group's GroupItem",
  killedBy: 'contracts',
  ...corrupting('disagree', ['create_contact_group:GroupResultItem[].GroupItem.GroupId'], plusOne),
  seenBy: ['create: a group with a C2C'],
  probe: {
    scenario: "create g; [create's GroupId, get's GroupId] agree",
    run: async (p) => {
      const created = (await createResult(p, 'g')).GroupItem.GroupId;
      return created === (await getPage(p)).GroupItem.find((g: Body) => g.GroupName === 'g')?.GroupId;
    },
    correct: true,
    variant: false,
  },
};
