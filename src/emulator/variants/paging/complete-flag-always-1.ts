import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { customMarks, getPage, peers } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: every get_contact_group page claims to be the last one. */
export const completeFlagAlways1: CatalogueVariant = {
  name: 'complete-flag-always-1',
  description: 'get_contact_group answers CompleteFlag 1 (and NextStartIndex 0) on every page, so later pages are never pulled',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:CompleteFlag', how: 'value' }],
  seenBy: ['pages through'],
  transformResponse(command, _request, response) {
    if (command !== CM.getContactGroup || response?.ErrorCode !== ErrorCodes.OK) return response;
    return { ...response, CompleteFlag: 1, NextStartIndex: 0 };
  },
  probe: {
    scenario: 'page size 2, 3 conversations; CompleteFlag of the first page',
    config: { pageSize: 2 },
    run: async (p) => {
      await p.call(CM.markContact, customMarks(peers(3)));
      return (await getPage(p)).CompleteFlag;
    },
    correct: 0,
    variant: 1,
  },
};
