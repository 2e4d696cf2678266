import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { editSuccess } from '../fields/mutate.ts';
import { createGroup } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

const zeroFailed = (items: unknown): void => {
  for (const i of Array.isArray(items) ? (items as Body[]) : []) if (i && typeof i.ResultCode === 'number' && i.ResultCode !== ErrorCodes.OK) i.ResultCode = ErrorCodes.OK;
};

/** Response hook: create/update per-conversation results of failed items say ResultCode 0, their ResultInfo still the error. */
export const failedItemCodedOk: CatalogueVariant = {
  name: 'failed-item-coded-ok',
  description: 'create/update_contact_group answer ResultCode 0 for a conversation that failed (nothing stored), while its ResultInfo still names the error',
  killedBy: 'contracts',
  fields: [
    { field: 'create_contact_group:GroupResultItem[].ResultItem[].ResultCode', how: 'disagree' },
    { field: 'update_contact_group:UpdateGroupResult.ContactResultItem[].ResultCode', how: 'disagree' },
  ],
  seenBy: ['create: a destroyed IM group', 'update: adding a destroyed IM group'],
  transformResponse: editSuccess([CM.createContactGroup, CM.updateContactGroup], (b) => {
    for (const r of b.GroupResultItem ?? []) zeroFailed(r?.ResultItem);
    zeroFailed(b.UpdateGroupResult?.ContactResultItem);
  }),
  probe: {
    scenario: 'create g with a group conversation whose IM group does not exist; [ResultCode, ResultInfo is set]',
    run: async (p) => {
      const item = (await p.call(CM.createContactGroup, createGroup('g', [{ Type: 2, ToGroupId: 'no-such-im-group' }]))).GroupResultItem[0].ResultItem[0];
      return [item.ResultCode, item.ResultInfo !== ''];
    },
    correct: [ErrorCodes.GROUP_ID_CONVERSION_FAILED, true],
    variant: [ErrorCodes.OK, true],
  },
};
