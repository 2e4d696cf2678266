import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { editSuccess } from '../corrupt.ts';
import { customMarks, envelopeOf } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: a successful mark_contact says ActionStatus FAIL (ErrorCode stays 0, results stay). */
export const markSuccessAsFail: CatalogueVariant = {
  name: 'mark-success-as-fail',
  description: 'a successful mark_contact answers ActionStatus "FAIL" with ErrorCode 0 (the marks are stored)',
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ActionStatus', how: 'disagree' }],
  seenBy: ['mark: set and clear'],
  transformResponse: editSuccess(CM.markContact, (b) => {
    b.ActionStatus = 'FAIL';
  }),
  probe: {
    scenario: 'a valid mark_contact; [ActionStatus, ErrorCode]',
    run: (p) => envelopeOf(p, CM.markContact, customMarks(['p'])),
    correct: ['OK', ErrorCodes.OK],
    variant: ['FAIL', ErrorCodes.OK],
  },
};
