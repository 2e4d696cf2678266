import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: a user may hold 1001 conversations with group/mark data instead of 1000. */
export const conversationLimit1001: EmulatorVariant = {
  name: 'conversation-limit-1001',
  description: `the 1001st conversation with group/mark data is stored instead of getting per-item ${ErrorCodes.CONVERSATION_LIMIT_EXCEEDED}`,
  config: { limits: { maxConversationsWithData: 1001 } },
};
