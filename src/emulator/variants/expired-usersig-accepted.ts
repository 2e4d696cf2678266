import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: the UserSig expiry is not checked. */
export const expiredUsersigAccepted: EmulatorVariant = {
  name: 'expired-usersig-accepted',
  description: `an expired (correctly signed) UserSig is accepted instead of answering ${ErrorCodes.USERSIG_EXPIRED}`,
  quirks: { acceptExpiredUserSig: true },
};
