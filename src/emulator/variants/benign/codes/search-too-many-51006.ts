import { ErrorCodes } from '../../../../errors/index.ts';
import type { BenignVariant } from '../../../types.ts';

/** A search over its item limit answered with the count-out-of-range code of the error table. */
export const searchTooMany51006: BenignVariant = {
  name: 'search-too-many-51006',
  description: `a search with more conversations than its limit answers ${ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE} (the default: ${ErrorCodes.INVALID_PARAMETER})`,
  kind: 'benign',
  config: { choices: { searchTooManyCode: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE } },
  docs: 'search_contact_group documents at most 300 conversations per request but not the code beyond; 51006 is the family\'s count-out-of-range code',
};
