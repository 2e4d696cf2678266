import type { BenignVariant } from '../../../types.ts';

/** StandardMark zero-padded to its 64 bits. */
export const markPadded64: BenignVariant = {
  name: 'mark-padded-64',
  description: 'StandardMark strings are zero-padded to 64 characters (the default: no leading zeros)',
  kind: 'benign',
  config: { choices: { markPadding: 'pad-64' } },
  docs: 'StandardMark is a 64-bit mark shown as a bit string by example only; the example "011111110" even has a leading zero',
};
