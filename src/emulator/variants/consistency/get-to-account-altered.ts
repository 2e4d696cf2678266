import { corrupting, upperCased } from '../corrupt.ts';
import { markedPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group answers each C2C conversation's peer upper-cased. */
export const getToAccountAltered: CatalogueVariant = {
  name: 'get-to-account-altered',
  description: 'get_contact_group answers To_Account upper-cased: the conversation read back is not the one that was grouped or marked (UserIDs are case-sensitive)',
  killedBy: 'contracts',
  ...corrupting('disagree', ['get_contact_group:ContactItem[].To_Account'], upperCased),
  seenBy: ['get: returns every group', 'create: a group with a C2C'],
  probe: {
    scenario: 'mark p; To_Account read by get_contact_group',
    run: async (p) => (await markedPage(p, ['p'])).ContactItem.map((c: Body) => c.To_Account),
    correct: ['p'],
    variant: ['P'],
  },
};
