import { corrupting } from '../corrupt.ts';
import { markedPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group conversations lose their required Timestamp. */
export const contactTimestampMissing: CatalogueVariant = {
  name: 'contact-timestamp-missing',
  description: 'get_contact_group returns conversations without Timestamp (a schema violation)',
  killedBy: 'contracts',
  ...corrupting('drop', ['get_contact_group:ContactItem[].Timestamp']),
  seenBy: ['get: returns every group', 'Timestamp is set'],
  probe: {
    scenario: 'get_contact_group; type of ContactItem[0].Timestamp',
    run: async (p) => typeof (await markedPage(p, ['p'])).ContactItem[0].Timestamp,
    correct: 'number',
    variant: 'undefined',
  },
};
