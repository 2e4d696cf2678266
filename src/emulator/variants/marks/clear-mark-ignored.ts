import { corrupted, inConversations } from '../corrupt.ts';
import { standardMark } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: ClearMark is not applied; only SetMark is. */
export const clearMarkIgnored: CatalogueVariant = {
  name: 'clear-mark-ignored',
  description: 'mark_contact ignores ClearMark: standard mark bits can be set but never cleared',
  killedBy: 'contracts',
  fields: corrupted('disagree', inConversations('StandardMark')),
  seenBy: ['mark: set and clear'],
  quirks: { ignoreClearMark: true },
  probe: {
    scenario: 'set bits 0 and 1, clear bit 0; StandardMark',
    run: (p) => standardMark(p, [0, 1], [0]),
    correct: '10',
    variant: '11',
  },
};
