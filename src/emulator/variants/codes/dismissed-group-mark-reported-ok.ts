import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { mark } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: a per-item GROUP_ID_CONVERSION_FAILED (group conversation of a dismissed / unknown group) is reported as success. */
export const dismissedGroupMarkReportedOk: CatalogueVariant = {
  name: 'dismissed-group-mark-reported-ok',
  description: `a group conversation whose IM group does not exist gets per-item ResultCode 0 instead of ${ErrorCodes.GROUP_ID_CONVERSION_FAILED} (nothing is stored)`,
  killedBy: 'contracts',
  fields: [{ field: 'mark_contact:ResultItem[].ResultCode', how: 'value' }],
  seenBy: ['mark: a destroyed IM group'],
  quirks: { codeRemap: { [ErrorCodes.GROUP_ID_CONVERSION_FAILED]: ErrorCodes.OK } },
  probe: {
    scenario: 'mark a group conversation whose IM group does not exist; per-item code',
    run: async (p) => (await p.call(CM.markContact, mark([{ OptType: 2, ContactItem: { Type: 2, ToGroupId: 'no-such-im-group' }, CustomMark: 'x' }]))).ResultItem[0].ResultCode,
    correct: ErrorCodes.GROUP_ID_CONVERSION_FAILED,
    variant: ErrorCodes.OK,
  },
};
