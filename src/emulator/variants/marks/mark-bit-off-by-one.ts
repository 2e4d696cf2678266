import { limits } from '../../../schema/index.ts';
import { corrupted, inConversations } from '../corrupt.ts';
import { standardMark } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: SetMark bit n sets bit n+1 (a 1-based bit index); the highest bit is lost. */
export const markBitOffByOne: CatalogueVariant = {
  name: 'mark-bit-off-by-one',
  description: `mark_contact SetMark bit n sets bit n+1 (1-based bit numbering; bit ${limits.maxMarkBit} sets nothing)`,
  killedBy: 'contracts',
  fields: corrupted('disagree', inConversations('StandardMark')),
  seenBy: ['mark: set and clear'],
  quirks: { markBitOffset: 1 },
  probe: {
    scenario: 'set bit 0; StandardMark',
    run: (p) => standardMark(p, [0]),
    correct: '1',
    variant: '10',
  },
};
