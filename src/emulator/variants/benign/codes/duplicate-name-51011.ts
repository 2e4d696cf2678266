import { ErrorCodes } from '../../../../errors/index.ts';
import type { BenignVariant } from '../../../types.ts';

/** A duplicate group name answered with the group-name code of the error table. */
export const duplicateName51011: BenignVariant = {
  name: 'duplicate-name-51011',
  description: `creating or renaming to a group name the user already has answers ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} (the default: ${ErrorCodes.INVALID_PARAMETER})`,
  kind: 'benign',
  config: { choices: { duplicateGroupNameCode: ErrorCodes.CONTACT_GROUP_NAME_INVALID } },
  docs: 'the behaviour on a duplicate GroupName is not documented; 51011 is the documented code of an invalid group name',
};
