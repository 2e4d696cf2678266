import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes, lookupError } from '../../../errors/index.ts';
import { corrupted, isSuccess, replaceAnswer } from '../corrupt.ts';
import { codeOf, createGroup, getPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: create_contact_group creates the group but answers a server error (a lost reply). */
export const createSuccessAsInternalError: CatalogueVariant = {
  name: 'create-success-as-internal-error',
  description: `create_contact_group creates the group but answers ActionStatus FAIL with ErrorCode ${ErrorCodes.INTERNAL_ERROR}`,
  killedBy: 'contracts',
  fields: corrupted('value', ['envelope:ActionStatus', 'envelope:ErrorCode']),
  seenBy: ['create: a group with a C2C'],
  transformResponse: replaceAnswer(CM.createContactGroup, isSuccess, () => {
    const code = ErrorCodes.INTERNAL_ERROR;
    return { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: lookupError(code)?.meaning ?? 'internal error', ErrorDisplay: '' };
  }),
  probe: {
    scenario: 'a valid create; [ErrorCode, groups listed afterwards]',
    run: async (p) => [await codeOf(p, CM.createContactGroup, createGroup('g')), (await getPage(p)).GroupItem.length],
    correct: [ErrorCodes.OK, 1],
    variant: [ErrorCodes.INTERNAL_ERROR, 1],
  },
};
