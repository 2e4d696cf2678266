import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { ordinal } from '../../../rules/index.ts';
import { customMarks, peers } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

const oneTooMany = limits.maxConversationsWithData + 1;

/** Config hook: a user may hold one conversation with group/mark data more than the documented cap. */
export const conversationLimit1001: CatalogueVariant = {
  name: 'conversation-limit-1001',
  description: `the ${ordinal(oneTooMany)} conversation with group/mark data is stored instead of getting per-item ${ErrorCodes.CONVERSATION_LIMIT_EXCEEDED}`,
  killedBy: 'contracts',
  seenBy: ['limits-1000'],
  config: { limits: { maxConversationsWithData: oneTooMany } },
  probe: {
    scenario: `mark ${oneTooMany} conversations; per-item code of the last`,
    run: async (p) => {
      const all = peers(oneTooMany);
      let last: Body = {};
      for (let i = 0; i < all.length; i += limits.maxMarkItems) last = await p.call(CM.markContact, customMarks(all.slice(i, i + limits.maxMarkItems)));
      return (last.ResultItem as Body[]).at(-1)?.ResultCode;
    },
    correct: ErrorCodes.CONVERSATION_LIMIT_EXCEEDED,
    variant: ErrorCodes.OK,
  },
};
