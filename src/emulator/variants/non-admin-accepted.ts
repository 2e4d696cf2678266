import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: any identifier with a valid UserSig may call the admin-only API. */
export const nonAdminAccepted: EmulatorVariant = {
  name: 'non-admin-accepted',
  description: `a valid UserSig of a non-admin identifier is accepted instead of answering ${ErrorCodes.ADMIN_PERMISSION_REQUIRED}`,
  quirks: { acceptNonAdmin: true },
};
