import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: the MarkItem cap is 101 instead of 100 (an off-by-one `<=` in the count check). */
export const markItemsLimit101: EmulatorVariant = {
  name: 'mark-items-limit-101',
  description: `mark_contact accepts 101 MarkItem entries instead of answering ${ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE} above 100`,
  config: { limits: { maxMarkItems: 101 } },
};
