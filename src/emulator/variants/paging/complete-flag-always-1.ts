import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../corrupt.ts';
import { markedPage, peers } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: every get_contact_group page claims to be the last one. */
export const completeFlagAlways1: CatalogueVariant = {
  name: 'complete-flag-always-1',
  description: 'get_contact_group answers CompleteFlag 1 (and NextStartIndex 0) on every page, so later pages are never pulled',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:CompleteFlag', how: 'value' }],
  seenBy: ['pages through'],
  transformResponse: editSuccess(CM.getContactGroup, (b) => Object.assign(b, { CompleteFlag: 1, NextStartIndex: 0 })),
  probe: {
    scenario: 'page size 2, 3 conversations; CompleteFlag of the first page',
    config: { pageSize: 2 },
    run: async (p) => (await markedPage(p, peers(3))).CompleteFlag,
    correct: 0,
    variant: 1,
  },
};
