import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: CustomMark is stored in a 255-byte column, so a full 256-byte mark loses its last byte. */
export const customMarkTruncated: EmulatorVariant = {
  name: 'custom-mark-truncated',
  description: 'a 256-byte CustomMark is accepted but stored cut to 255 bytes (VARCHAR(255)-style truncation)',
  quirks: { customMarkTruncateBytes: 255 },
};
