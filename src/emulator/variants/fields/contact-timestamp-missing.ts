import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { customMarks, getPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group conversations lose their required Timestamp. */
export const contactTimestampMissing: CatalogueVariant = {
  name: 'contact-timestamp-missing',
  description: 'get_contact_group returns conversations without Timestamp (a schema violation)',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:ContactItem[].Timestamp', how: 'drop' }],
  seenBy: ['get: returns every group', 'Timestamp is set'],
  transformResponse(command, _request, response) {
    if (command !== CM.getContactGroup || !Array.isArray(response?.ContactItem)) return response;
    return { ...response, ContactItem: response.ContactItem.map(({ Timestamp: _t, ...rest }: Record<string, unknown>) => rest) };
  },
  probe: {
    scenario: 'get_contact_group; type of ContactItem[0].Timestamp',
    run: async (p) => {
      await p.call(CM.markContact, customMarks(['p']));
      return typeof (await getPage(p)).ContactItem[0].Timestamp;
    },
    correct: 'number',
    variant: 'undefined',
  },
};
