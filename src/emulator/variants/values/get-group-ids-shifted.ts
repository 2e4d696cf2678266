import { corrupting, plusOne } from '../corrupt.ts';
import { createResult, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group lists each group with its GroupId plus one. */
export const getGroupIdsShifted: CatalogueVariant = {
  name: 'get-group-ids-shifted',
  description: 'get_contact_group lists every group with GroupId n+1: the ids disagree with create_contact_group\'s answer and with ContactGroupId',
  killedBy: 'contracts',
  ...corrupting('disagree', ['get_contact_group:GroupItem[].GroupId'], plusOne),
  seenBy: ['create: a group with a C2C', 'get: returns every group'],
  probe: {
    scenario: "create g; [create's GroupId, get's GroupId]",
    run: async (p) => {
      const created = (await createResult(p, 'g')).GroupItem.GroupId;
      return [created, (await getPage(p)).GroupItem.map((g: Body) => g.GroupId)[0]];
    },
    correct: [1, 1],
    variant: [1, 2],
  },
};
