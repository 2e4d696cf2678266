import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { replaceAnswer } from '../corrupt.ts';
import { getPageBody } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const SIX = [CM.createContactGroup, CM.delContactGroup, CM.getContactGroup, CM.markContact, CM.searchContactGroup, CM.updateContactGroup];

/** Response hook: failures of the six commands keep ActionStatus FAIL but answer ErrorCode 0. */
export const failureCodeZeroed: CatalogueVariant = {
  name: 'failure-code-zeroed',
  description: 'every failure of the six commands answers ActionStatus "FAIL" with ErrorCode 0 (ErrorInfo still says what went wrong)',
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ErrorCode', how: 'disagree' }],
  seenBy: ['get: a From_Account that was never imported'],
  transformResponse: replaceAnswer(SIX, (r) => r?.ActionStatus === 'FAIL', (r) => ({ ...r, ErrorCode: ErrorCodes.OK })),
  probe: {
    scenario: 'get_contact_group of an account never imported; [ActionStatus, ErrorCode]',
    run: async (p) => {
      const b = await p.call(CM.getContactGroup, { ...getPageBody(), From_Account: 'never-imported' });
      return [b.ActionStatus, b.ErrorCode];
    },
    correct: ['FAIL', ErrorCodes.ACCOUNT_NOT_IMPORTED],
    variant: ['FAIL', ErrorCodes.OK],
  },
};
