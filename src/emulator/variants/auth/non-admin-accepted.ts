import { choices } from '../../../rules/index.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { codeWithSig, PROBE_USER } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Quirk hook: any identifier with a valid UserSig may call the admin-only API. */
export const nonAdminAccepted: CatalogueVariant = {
  name: 'non-admin-accepted',
  description: `a valid UserSig of a non-admin identifier is accepted instead of answering ${choices.nonAdmin.default}`,
  killedBy: 'contracts',
  seenBy: ['non-admin'],
  quirks: { acceptNonAdmin: true },
  probe: {
    scenario: 'call as a non-admin identifier with its own valid UserSig',
    run: (p) => codeWithSig(p, p.sig(PROBE_USER), PROBE_USER),
    correct: choices.nonAdmin.default,
    variant: ErrorCodes.OK,
  },
};
