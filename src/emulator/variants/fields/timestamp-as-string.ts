import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { customMarks, searchOne } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** The conversation list of each command that answers conversations. */
const LISTS: Record<string, string> = {
  [CM.getContactGroup]: 'ContactItem',
  [CM.searchContactGroup]: 'ContactResultItem',
};

/** Response hook: conversations carry Timestamp as a decimal string. */
export const timestampAsString: CatalogueVariant = {
  name: 'timestamp-as-string',
  description: 'get/search_contact_group answer each conversation\'s Timestamp as a string instead of an integer',
  killedBy: 'contracts',
  fields: [
    { field: 'get_contact_group:ContactItem[].Timestamp', how: 'mistype' },
    { field: 'search_contact_group:ContactResultItem[].Timestamp', how: 'mistype' },
  ],
  seenBy: ['get: returns every group', 'Timestamp is set'],
  transformResponse(command, _request, response) {
    const key = LISTS[command];
    const list = key === undefined ? undefined : response?.[key];
    if (key === undefined || !Array.isArray(list)) return response;
    return { ...response, [key]: list.map((c: Record<string, unknown>) => (typeof c.Timestamp === 'number' ? { ...c, Timestamp: String(c.Timestamp) } : c)) };
  },
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
