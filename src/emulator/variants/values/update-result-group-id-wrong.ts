import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting, plusOne } from '../corrupt.ts';
import { createResult, renameGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: update_contact_group answers the updated group's GroupId plus one. */
export const updateResultGroupIdWrong: CatalogueVariant = {
  name: 'update-result-group-id-wrong',
  description: "update_contact_group answers UpdateGroupResult.GroupId n+1 for group n: the id disagrees with create_contact_group's answer",
  killedBy: 'contracts',
  ...corrupting('disagree', ['update_contact_group:UpdateGroupResult.GroupId'], plusOne),
  seenBy: ['update: add and remove', 'update: rename keeps'],
  probe: {
    scenario: "create a, rename a → b; [create's GroupId, update's GroupId]",
    run: async (p) => {
      const id = (await createResult(p, 'a')).GroupItem.GroupId;
      return [id, (await p.call(CM.updateContactGroup, renameGroup('a', 'b'))).UpdateGroupResult.GroupId];
    },
    correct: [1, 1],
    variant: [1, 2],
  },
};
