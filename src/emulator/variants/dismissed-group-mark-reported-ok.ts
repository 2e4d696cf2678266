import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: a per-item 51007 (group conversation of a dismissed / unknown group) is reported as success. */
export const dismissedGroupMarkReportedOk: EmulatorVariant = {
  name: 'dismissed-group-mark-reported-ok',
  description: `a group conversation whose IM group does not exist gets per-item ResultCode 0 instead of ${ErrorCodes.GROUP_ID_CONVERSION_FAILED} (nothing is stored)`,
  quirks: { codeRemap: { [ErrorCodes.GROUP_ID_CONVERSION_FAILED]: ErrorCodes.OK } },
};
