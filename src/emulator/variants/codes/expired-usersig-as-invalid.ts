import { ErrorCodes } from '../../../errors/index.ts';
import { codeWithSig, expiredSig } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: an expired UserSig is refused with the "invalid UserSig" code. */
export const expiredUsersigAsInvalid: CatalogueVariant = {
  name: 'expired-usersig-as-invalid',
  description: `an expired UserSig answers ${ErrorCodes.USERSIG_INVALID} (UserSig invalid) instead of ${ErrorCodes.USERSIG_EXPIRED} (UserSig expired)`,
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ErrorCode', how: 'value' }],
  seenBy: ['an expired usersig'],
  quirks: { codeRemap: { [ErrorCodes.USERSIG_EXPIRED]: ErrorCodes.USERSIG_INVALID } },
  probe: {
    scenario: 'call with an expired UserSig',
    run: (p) => codeWithSig(p, expiredSig(p)),
    correct: ErrorCodes.USERSIG_EXPIRED,
    variant: ErrorCodes.USERSIG_INVALID,
  },
};
