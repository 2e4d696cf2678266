import type { BenignVariant } from '../../../types.ts';

/** The 1,000 cap counted per conversation group (the EN get_contact_group reading). */
export const conversationCapPerGroup: BenignVariant = {
  name: 'conversation-cap-per-group',
  description: 'each conversation group holds at most 1,000 conversations (the default: 1,000 grouped conversations over all groups); marked conversations are capped at 1,000 on their own either way',
  kind: 'benign',
  config: { choices: { conversationCap: 'per-group' } },
  docs: 'EN get_contact_group: "The session capacity limit per group is 1000"; the CN pages and both error tables: "the total number of conversations in the conversation group(s) exceeds 1,000"',
};
