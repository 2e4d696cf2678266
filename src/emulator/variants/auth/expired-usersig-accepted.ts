import { ErrorCodes } from '../../../errors/index.ts';
import { codeWithSig, expiredSig } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: the UserSig expiry is not checked. */
export const expiredUsersigAccepted: CatalogueVariant = {
  name: 'expired-usersig-accepted',
  description: `an expired (correctly signed) UserSig is accepted instead of answering ${ErrorCodes.USERSIG_EXPIRED}`,
  killedBy: 'contracts',
  seenBy: ['an expired usersig'],
  quirks: { acceptExpiredUserSig: true },
  probe: {
    scenario: 'call with an expired UserSig',
    run: (p) => codeWithSig(p, expiredSig(p)),
    correct: ErrorCodes.USERSIG_EXPIRED,
    variant: ErrorCodes.OK,
  },
};
