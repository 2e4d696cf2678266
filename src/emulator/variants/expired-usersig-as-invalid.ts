import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: an expired UserSig is refused with the "invalid UserSig" code. */
export const expiredUsersigAsInvalid: EmulatorVariant = {
  name: 'expired-usersig-as-invalid',
  description: `an expired UserSig answers ${ErrorCodes.USERSIG_INVALID} (UserSig invalid) instead of ${ErrorCodes.USERSIG_EXPIRED} (UserSig expired)`,
  quirks: { codeRemap: { [ErrorCodes.USERSIG_EXPIRED]: ErrorCodes.USERSIG_INVALID } },
};
