import { ErrorCodes } from '../../../errors/index.ts';
import { codeWithSig } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: the UserSig HMAC is not checked. */
export const wrongKeyUsersigAccepted: CatalogueVariant = {
  name: 'wrong-key-usersig-accepted',
  description: `a UserSig signed with the wrong secret key is accepted instead of answering ${ErrorCodes.USERSIG_VERIFY_FAILED}`,
  killedBy: 'contracts',
  seenBy: ['signed with a wrong key'],
  quirks: { acceptWrongKeyUserSig: true },
  probe: {
    scenario: 'call with a UserSig signed by a wrong key',
    run: (p) => codeWithSig(p, p.sig(p.admin, { key: 'not-the-key' })),
    correct: ErrorCodes.USERSIG_VERIFY_FAILED,
    variant: ErrorCodes.OK,
  },
};
