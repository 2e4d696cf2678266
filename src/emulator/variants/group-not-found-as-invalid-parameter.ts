import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: an unknown group name is reported as a generic parameter error. */
export const groupNotFoundAsInvalidParameter: EmulatorVariant = {
  name: 'group-not-found-as-invalid-parameter',
  description: `update/delete of a conversation group that does not exist answers ${ErrorCodes.INVALID_PARAMETER} instead of ${ErrorCodes.CONTACT_GROUP_NOT_FOUND}`,
  quirks: { codeRemap: { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: ErrorCodes.INVALID_PARAMETER } },
};
