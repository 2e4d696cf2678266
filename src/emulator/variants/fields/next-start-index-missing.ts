import { corrupting } from '../corrupt.ts';
import { getPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group successes lack the required NextStartIndex. */
export const nextStartIndexMissing: CatalogueVariant = {
  name: 'next-start-index-missing',
  description: 'get_contact_group answers without NextStartIndex (a required field on success)',
  killedBy: 'contracts',
  ...corrupting('drop', ['get_contact_group:NextStartIndex']),
  seenBy: ['get: a user without data'],
  probe: {
    scenario: 'get_contact_group; has NextStartIndex',
    run: async (p) => 'NextStartIndex' in (await getPage(p)),
    correct: true,
    variant: false,
  },
};
