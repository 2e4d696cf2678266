import type { BenignVariant } from '../../../types.ts';

/** StandardMark written the other way round: bit 0 is the leftmost character. */
export const markBitsLsbLeft: BenignVariant = {
  name: 'mark-bits-lsb-left',
  description: 'StandardMark strings have bit 0 as the leftmost character (the default: the rightmost)',
  kind: 'benign',
  config: { choices: { markBitOrder: 'lsb-left' } },
  docs: 'the docs give StandardMark only by example ("011111110", "111001") and never say which end is bit 0',
};
