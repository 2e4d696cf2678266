import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { codeOf, customMarks, peers } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooMany = limits.maxMarkItems + 1;

/** Quirk hook: an empty or oversized MarkItem list is reported as a generic parameter error. */
export const markCountAsInvalidParameter: CatalogueVariant = {
  name: 'mark-count-as-invalid-parameter',
  description: `mark_contact with 0 or more than ${limits.maxMarkItems} MarkItem entries answers ${ErrorCodes.INVALID_PARAMETER} instead of ${ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE}`,
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ErrorCode', how: 'value' }],
  seenBy: ['MarkItem are accepted', 'no MarkItem'],
  quirks: { codeRemap: { [ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE]: ErrorCodes.INVALID_PARAMETER } },
  probe: {
    scenario: `mark_contact with ${oneTooMany} items`,
    run: (p) => codeOf(p, CM.markContact, customMarks(peers(oneTooMany))),
    correct: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE,
    variant: ErrorCodes.INVALID_PARAMETER,
  },
};
