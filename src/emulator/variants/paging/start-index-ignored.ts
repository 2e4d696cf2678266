import { corrupted } from '../corrupt.ts';
import { markedPage, peers } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Quirk hook: get_contact_group always answers the first page, whatever StartIndex says. */
export const startIndexIgnored: CatalogueVariant = {
  name: 'start-index-ignored',
  description: 'get_contact_group ignores StartIndex and always answers the first page (paging never advances)',
  killedBy: 'contracts',
  fields: corrupted('value', ['get_contact_group:ContactItem', 'get_contact_group:NextStartIndex']),
  seenBy: ['pages through'],
  quirks: { ignoreStartIndex: true },
  probe: {
    scenario: 'page size 2, 3 conversations, StartIndex 2; peers on the page',
    config: { pageSize: 2 },
    run: async (p) => (await markedPage(p, peers(3), 2)).ContactItem.map((c: Body) => c.To_Account),
    correct: ['p2'],
    variant: ['p0', 'p1'],
  },
};
