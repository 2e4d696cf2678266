import { rules } from '../../../rules/index.ts';
import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { codeOf, peers, search } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooMany = limits.maxSearchItems + 1;

/** Config hook: search_contact_group takes one conversation more than the documented maximum. */
export const searchItemsLimit301: CatalogueVariant = {
  name: 'search-items-limit-301',
  description: `search_contact_group accepts ${oneTooMany} ContactItem entries instead of answering ${rules.maxSearchItems.code} above ${limits.maxSearchItems}`,
  killedBy: 'contracts',
  seenBy: ['300 conversations are accepted'],
  config: { limits: { maxSearchItems: oneTooMany } },
  probe: {
    scenario: `search ${oneTooMany} conversations`,
    run: (p) => codeOf(p, CM.searchContactGroup, search(peers(oneTooMany))),
    correct: rules.maxSearchItems.code,
    variant: ErrorCodes.OK,
  },
};
