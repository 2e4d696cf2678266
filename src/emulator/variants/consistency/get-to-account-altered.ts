import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { customMarks, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group answers each C2C conversation's peer upper-cased. */
export const getToAccountAltered: CatalogueVariant = {
  name: 'get-to-account-altered',
  description: 'get_contact_group answers To_Account upper-cased: the conversation read back is not the one that was grouped or marked (UserIDs are case-sensitive)',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:ContactItem[].To_Account', how: 'disagree' }],
  seenBy: ['get: returns every group', 'create: a group with a C2C'],
  transformResponse: editSuccess(CM.getContactGroup, (b) => {
    for (const c of b.ContactItem ?? []) if (typeof c?.To_Account === 'string') c.To_Account = c.To_Account.toUpperCase();
  }),
  probe: {
    scenario: 'mark p; To_Account read by get_contact_group',
    run: async (p) => {
      await p.call(CM.markContact, customMarks(['p']));
      return (await getPage(p)).ContactItem.map((c: Body) => c.To_Account);
    },
    correct: ['p'],
    variant: ['P'],
  },
};
