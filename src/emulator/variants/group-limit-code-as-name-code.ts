import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: the 21st group is refused, but with the name error instead of the count error. */
export const groupLimitCodeAsNameCode: EmulatorVariant = {
  name: 'group-limit-code-as-name-code',
  description: `creating a 21st conversation group answers ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} (name invalid) instead of ${ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED} (too many groups)`,
  quirks: { codeRemap: { [ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED]: ErrorCodes.CONTACT_GROUP_NAME_INVALID } },
};
