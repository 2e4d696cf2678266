import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../corrupt.ts';
import { c2c, createGroup, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group's ContactGroupId point one past the highest group it lists. */
export const getContactGroupIdDangling: CatalogueVariant = {
  name: 'get-contact-group-id-dangling',
  description: "get_contact_group answers each conversation's ContactGroupId with an id no GroupItem of the answer has (one past the highest)",
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:ContactItem[].ContactGroupId', how: 'disagree' }],
  seenBy: ['get: returns every group', 'create: a group with a C2C'],
  transformResponse: editSuccess(CM.getContactGroup, (b) => {
    const past = Math.max(0, ...((b.GroupItem ?? []) as Body[]).map((g) => Number(g?.GroupId) || 0)) + 1;
    for (const c of b.ContactItem ?? []) if (Array.isArray(c?.ContactGroupId)) c.ContactGroupId = c.ContactGroupId.map(() => past);
  }),
  probe: {
    scenario: "create g with p; [GroupItem ids, p's ContactGroupId] of get_contact_group",
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g', [c2c('p')]));
      const page = await getPage(p);
      return [page.GroupItem.map((g: Body) => g.GroupId), page.ContactItem[0].ContactGroupId];
    },
    correct: [[1], [1]],
    variant: [[1], [2]],
  },
};
