import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../corrupt.ts';
import { markedPage, peers } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: a get_contact_group page that is not the last answers NextStartIndex one too far. */
export const nextStartIndexSkipsOne: CatalogueVariant = {
  name: 'next-start-index-skips-one',
  description: 'get_contact_group answers NextStartIndex one past the conversations it returned (CompleteFlag 0), so paging skips a conversation',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:NextStartIndex', how: 'disagree' }],
  seenBy: ['get: pages through'],
  transformResponse: editSuccess(CM.getContactGroup, (b) => {
    if (b.CompleteFlag === 0 && typeof b.NextStartIndex === 'number') b.NextStartIndex += 1;
  }),
  probe: {
    scenario: 'page size 2, 3 conversations; NextStartIndex of the first page',
    config: { pageSize: 2 },
    run: async (p) => (await markedPage(p, peers(3))).NextStartIndex,
    correct: 2,
    variant: 3,
  },
};
