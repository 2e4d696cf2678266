import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: update_contact_group (rename) allows a 33-byte NewGroupName. */
export const renameNameLimit33: EmulatorVariant = {
  name: 'rename-name-limit-33',
  description: `update_contact_group renames a group to a 33-byte NewGroupName instead of answering ${ErrorCodes.CONTACT_GROUP_NAME_INVALID}`,
  config: { limits: { maxNewGroupNameBytes: 33 } },
};
