import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: SetMark bit n sets bit n+1 (a 1-based bit index); bit 63 is lost. */
export const markBitOffByOne: EmulatorVariant = {
  name: 'mark-bit-off-by-one',
  description: 'mark_contact SetMark bit n sets bit n+1 (1-based bit numbering; bit 63 sets nothing)',
  quirks: { markBitOffset: 1 },
};
