import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: an empty or oversized MarkItem list is reported as a generic parameter error. */
export const markCountAsInvalidParameter: EmulatorVariant = {
  name: 'mark-count-as-invalid-parameter',
  description: 'mark_contact with 0 or more than 100 MarkItem entries answers 50002 instead of 51006',
  quirks: { codeRemap: { [ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE]: ErrorCodes.INVALID_PARAMETER } },
};
