import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting, inConversations, numberAsString } from '../corrupt.ts';
import { customMarks, searchOne } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: conversations carry Timestamp as a decimal string. */
export const timestampAsString: CatalogueVariant = {
  name: 'timestamp-as-string',
  description: 'get/search_contact_group answer each conversation\'s Timestamp as a string instead of an integer',
  killedBy: 'contracts',
  ...corrupting('mistype', inConversations('Timestamp'), numberAsString),
  seenBy: ['get: returns every group', 'Timestamp is set'],
  probe: {
    scenario: 'search_contact_group; type of Timestamp',
    run: async (p) => {
      await p.call(CM.markContact, customMarks(['p']));
      return typeof (await searchOne(p, 'p'))?.Timestamp;
    },
    correct: 'number',
    variant: 'string',
  },
};
