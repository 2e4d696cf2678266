import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { customMarks, getPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: no get_contact_group page is ever the last one (an unbounded pager loops forever). */
export const completeFlagAlways0: CatalogueVariant = {
  name: 'complete-flag-always-0',
  description: 'get_contact_group answers CompleteFlag 0 on every page, including the last (NextStartIndex then 0)',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:CompleteFlag', how: 'value' }],
  seenBy: ['pages through', 'get: a user without data'],
  transformResponse(command, _request, response) {
    if (command !== CM.getContactGroup || response?.ErrorCode !== ErrorCodes.OK) return response;
    return { ...response, CompleteFlag: 0 };
  },
  probe: {
    scenario: 'one conversation; CompleteFlag of the only page',
    run: async (p) => {
      await p.call(CM.markContact, customMarks(['p']));
      return (await getPage(p)).CompleteFlag;
    },
    correct: 1,
    variant: 0,
  },
};
