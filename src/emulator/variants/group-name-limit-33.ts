import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: create_contact_group allows 33-byte names (rename keeps its own 32-byte limit). */
export const groupNameLimit33: EmulatorVariant = {
  name: 'group-name-limit-33',
  description: `create_contact_group accepts a 33-byte GroupName instead of answering ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} above 32 bytes`,
  config: { limits: { maxGroupNameBytes: 33 } },
};
