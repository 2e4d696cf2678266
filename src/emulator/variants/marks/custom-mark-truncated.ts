import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { limits } from '../../../schema/index.ts';
import { corrupted, inConversations } from '../corrupt.ts';
import { bytes, c2c, mark, searchOne } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** A column one byte short of the documented maximum (a VARCHAR(255) under a 256-byte rule). */
const storedBytes = limits.maxCustomMarkBytes - 1;

/** Quirk hook: CustomMark is stored in a column one byte too short, so a full-length mark loses its last byte. */
export const customMarkTruncated: CatalogueVariant = {
  name: 'custom-mark-truncated',
  description: `a ${limits.maxCustomMarkBytes}-byte CustomMark is accepted but stored cut to ${storedBytes} bytes (VARCHAR(${storedBytes})-style truncation)`,
  killedBy: 'contracts',
  fields: corrupted('disagree', inConversations('CustomMark')),
  seenBy: ['CustomMark of 256 bytes', 'custom marks round-trip'],
  quirks: { customMarkTruncateBytes: storedBytes },
  probe: {
    scenario: `mark a ${limits.maxCustomMarkBytes}-byte CustomMark; stored length`,
    run: async (p) => {
      await p.call(CM.markContact, mark([{ OptType: 2, ContactItem: c2c('p'), CustomMark: bytes(limits.maxCustomMarkBytes) }]));
      return (await searchOne(p, 'p'))?.CustomMark?.length;
    },
    correct: limits.maxCustomMarkBytes,
    variant: storedBytes,
  },
};
