import { corrupting } from '../corrupt.ts';
import { standardMark } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** The bit width of a standard mark: search pads to it. */
const MARK_WIDTH = 64;

/** Response hook: search_contact_group writes StandardMark zero-padded, get_contact_group does not. */
export const searchMarkDiffersFromGet: CatalogueVariant = {
  name: 'search-mark-differs-from-get',
  description: `search_contact_group answers StandardMark zero-padded to ${MARK_WIDTH} characters while get_contact_group answers it unpadded: the two reads of one conversation disagree`,
  killedBy: 'contracts',
  ...corrupting('disagree', ['search_contact_group:ContactResultItem[].StandardMark'], (v) => (typeof v === 'string' ? v.padStart(MARK_WIDTH, '0') : v)),
  seenBy: ['mark: set and clear'],
  probe: {
    scenario: 'set bit 1 of p; StandardMark read by search_contact_group',
    run: (p) => standardMark(p, [1]),
    correct: '10',
    variant: `${'0'.repeat(MARK_WIDTH - 2)}10`,
  },
};
