import { ErrorCodes } from '../../../../errors/index.ts';
import type { BenignVariant } from '../../../types.ts';

/** An over-long CustomMark answered with the mark-limit code of the error table. */
export const customMarkTooLong51006: BenignVariant = {
  name: 'custom-mark-too-long-51006',
  description: `a CustomMark over its byte limit answers ${ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE} (the default: ${ErrorCodes.INVALID_PARAMETER})`,
  kind: 'benign',
  config: { choices: { customMarkTooLongCode: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE } },
  docs: 'mark_contact documents the CustomMark limit (256 bytes) but not its code; 51006 is the page\'s code for an out-of-range mark request',
};
