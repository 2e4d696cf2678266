import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting, plusOne } from '../corrupt.ts';
import { createResult, deleteGroups } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: del_contact_group answers each deleted group with its GroupId plus one. */
export const delAnswerGroupIdWrong: CatalogueVariant = {
  name: 'del-answer-group-id-wrong',
  description: "del_contact_group answers the deleted group with GroupId n+1 for group n: the id disagrees with create_contact_group's answer",
  killedBy: 'contracts',
  ...corrupting('disagree', ['del_contact_group:GroupItem[].GroupId'], plusOne),
  seenBy: ['del: deletes a group'],
  probe: {
    scenario: "create g, delete g; [create's GroupId, del's GroupId]",
    run: async (p) => {
      const id = (await createResult(p, 'g')).GroupItem.GroupId;
      return [id, (await p.call(CM.delContactGroup, deleteGroups('g'))).GroupItem[0].GroupId];
    },
    correct: [1, 1],
    variant: [1, 2],
  },
};
