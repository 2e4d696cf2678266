import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: the UserSig HMAC is not checked. */
export const wrongKeyUsersigAccepted: EmulatorVariant = {
  name: 'wrong-key-usersig-accepted',
  description: 'a UserSig signed with the wrong secret key is accepted instead of answering 70009',
  quirks: { acceptWrongKeyUserSig: true },
};
