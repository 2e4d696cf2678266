import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { codeOf, customMarks, peers } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooMany = limits.maxMarkItems + 1;

/** Config hook: the MarkItem cap is one above the documented one (an off-by-one `<=` in the count check). */
export const markItemsLimit101: CatalogueVariant = {
  name: 'mark-items-limit-101',
  description: `mark_contact accepts ${oneTooMany} MarkItem entries instead of answering ${ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE} above ${limits.maxMarkItems}`,
  killedBy: 'contracts',
  seenBy: ['MarkItem are accepted'],
  config: { limits: { maxMarkItems: oneTooMany } },
  probe: {
    scenario: `mark_contact with ${oneTooMany} items`,
    run: (p) => codeOf(p, CM.markContact, customMarks(peers(oneTooMany))),
    correct: ErrorCodes.MARK_ITEM_COUNT_OUT_OF_RANGE,
    variant: ErrorCodes.OK,
  },
};
