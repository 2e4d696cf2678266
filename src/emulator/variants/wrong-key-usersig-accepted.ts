import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: the UserSig HMAC is not checked. */
export const wrongKeyUsersigAccepted: EmulatorVariant = {
  name: 'wrong-key-usersig-accepted',
  description: `a UserSig signed with the wrong secret key is accepted instead of answering ${ErrorCodes.USERSIG_VERIFY_FAILED}`,
  quirks: { acceptWrongKeyUserSig: true },
};
