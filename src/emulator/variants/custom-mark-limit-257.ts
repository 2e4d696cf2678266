import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: CustomMark may be 257 bytes instead of at most 256. */
export const customMarkLimit257: EmulatorVariant = {
  name: 'custom-mark-limit-257',
  description: `mark_contact accepts a 257-byte CustomMark instead of answering ${ErrorCodes.INVALID_PARAMETER} above 256 bytes`,
  config: { limits: { maxCustomMarkBytes: 257 } },
};
