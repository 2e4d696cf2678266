import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: an empty or oversized MarkItem list is reported as a generic parameter error. */
export const markCountAsInvalidParameter: EmulatorVariant = {
  name: 'mark-count-as-invalid-parameter',
  description: `mark_contact with 0 or more than 100 MarkItem entries answers ${ErrorCodes.INVALID_PARAMETER} instead of ${ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE}`,
  quirks: { codeRemap: { [ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE]: ErrorCodes.INVALID_PARAMETER } },
};
