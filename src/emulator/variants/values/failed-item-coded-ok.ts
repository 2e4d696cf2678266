import { ErrorCodes } from '../../../errors/index.ts';
import { corrupting } from '../corrupt.ts';
import { createResult } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: create/update per-conversation results of failed items say ResultCode 0, their ResultInfo still the error. */
export const failedItemCodedOk: CatalogueVariant = {
  name: 'failed-item-coded-ok',
  description: 'create/update_contact_group answer ResultCode 0 for a conversation that failed (nothing stored), while its ResultInfo still names the error',
  killedBy: 'contracts',
  ...corrupting(
    'disagree',
    ['create_contact_group:GroupResultItem[].ResultItem[].ResultCode', 'update_contact_group:UpdateGroupResult.ContactResultItem[].ResultCode'],
    (code) => (typeof code === 'number' ? ErrorCodes.OK : code),
  ),
  seenBy: ['create: a destroyed IM group', 'update: adding a destroyed IM group'],
  probe: {
    scenario: 'create g with a group conversation whose IM group does not exist; [ResultCode, ResultInfo is set]',
    run: async (p) => {
      const item = (await createResult(p, 'g', [{ Type: 2, ToGroupId: 'no-such-im-group' }])).ResultItem[0];
      return [item.ResultCode, item.ResultInfo !== ''];
    },
    correct: [ErrorCodes.GROUP_ID_CONVERSION_FAILED, true],
    variant: [ErrorCodes.OK, true],
  },
};
