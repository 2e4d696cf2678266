import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: group names are measured in characters, so an 11-character Korean name (33 bytes) is accepted. */
export const namesCountedInChars: EmulatorVariant = {
  name: 'names-counted-in-chars',
  description: 'create/rename measure GroupName in characters instead of UTF-8 bytes (33-byte multi-byte names pass)',
  quirks: { nameLengthUnit: 'chars' },
};
