import { ErrorCodes } from '../../../../errors/index.ts';
import type { BenignVariant } from '../../../types.ts';

/** The recentcontact pages' code for a non-admin identifier. */
export const nonAdmin50003: BenignVariant = {
  name: 'non-admin-50003',
  description: `a valid UserSig of a non-admin identifier answers ${ErrorCodes.ADMIN_REQUIRED} (the default: ${ErrorCodes.ADMIN_PERMISSION_REQUIRED})`,
  kind: 'benign',
  config: { nonAdminCode: ErrorCodes.ADMIN_REQUIRED },
  docs: 'both seed pages list 50003 "The request requires app admin permissions"; the general overview documents 60010',
};
