import { corrupting } from '../corrupt.ts';
import { markedPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: no get_contact_group page is ever the last one (an unbounded pager loops forever). */
export const completeFlagAlways0: CatalogueVariant = {
  name: 'complete-flag-always-0',
  description: 'get_contact_group answers CompleteFlag 0 on every page, including the last (NextStartIndex then 0)',
  killedBy: 'contracts',
  ...corrupting('value', ['get_contact_group:CompleteFlag'], () => 0),
  seenBy: ['pages through', 'get: a user without data'],
  probe: {
    scenario: 'one conversation; CompleteFlag of the only page',
    run: async (p) => (await markedPage(p, ['p'])).CompleteFlag,
    correct: 1,
    variant: 0,
  },
};
