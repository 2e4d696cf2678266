import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../corrupt.ts';
import { c2c, createGroup, search } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: search_contact_group puts every grouped conversation in every group its answer lists. */
export const searchConversationInEveryGroup: CatalogueVariant = {
  name: 'search-conversation-in-every-group',
  description: 'search_contact_group answers a conversation that is in some group as a member of every group of the answer (ContactGroupId disagrees with create/update and get)',
  killedBy: 'contracts',
  fields: [{ field: 'search_contact_group:ContactResultItem[].ContactGroupId', how: 'disagree' }],
  seenBy: ['flow: create → add/remove'],
  transformResponse: editSuccess(CM.searchContactGroup, (b) => {
    const all = ((b.GroupItem ?? []) as Body[]).map((g) => g?.GroupId).sort((x, y) => x - y);
    for (const c of b.ContactResultItem ?? []) if (Array.isArray(c?.ContactGroupId) && c.ContactGroupId.length > 0) c.ContactGroupId = [...all];
  }),
  probe: {
    scenario: 'create a with p, b with q; search p and q; ContactGroupId of each',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('a', [c2c('p')]));
      await p.call(CM.createContactGroup, createGroup('b', [c2c('q')]));
      return (await p.call(CM.searchContactGroup, search(['p', 'q']))).ContactResultItem.map((c: Body) => c.ContactGroupId);
    },
    correct: [[1], [2]],
    variant: [
      [1, 2],
      [1, 2],
    ],
  },
};
