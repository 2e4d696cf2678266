import { ErrorCodes } from '../../../../errors/index.ts';
import type { BenignVariant } from '../../../types.ts';

/** The codes whose place the docs leave open, answered top-level instead of per item. */
export const scopeTopLevel: BenignVariant = {
  name: 'scope-top-level',
  description:
    `${ErrorCodes.GROUP_ID_CONVERSION_FAILED} (destroyed IM group), ${ErrorCodes.CONVERSATION_LIMIT_EXCEEDED} (over the 1,000 cap) and ` +
    `${ErrorCodes.EDITION_NOT_SUPPORTED} on mark_contact are answered as the top-level ErrorCode of a request that changes nothing (the default: per-item ResultCode)`,
  kind: 'benign',
  config: {
    choices: {
      scope: {
        [String(ErrorCodes.GROUP_ID_CONVERSION_FAILED)]: 'top-level',
        [String(ErrorCodes.CONVERSATION_LIMIT_EXCEEDED)]: 'top-level',
        [String(ErrorCodes.EDITION_NOT_SUPPORTED)]: 'top-level',
      },
    },
  },
  docs: 'the error tables list 51007, 51008 and 51013 without saying whether they are the top-level ErrorCode or a per-item ResultCode',
};
