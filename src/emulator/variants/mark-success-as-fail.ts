import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: a successful mark_contact says ActionStatus FAIL (ErrorCode stays 0, results stay). */
export const markSuccessAsFail: EmulatorVariant = {
  name: 'mark-success-as-fail',
  description: 'a successful mark_contact answers ActionStatus "FAIL" with ErrorCode 0 (the marks are stored)',
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/mark_contact' || response?.ErrorCode !== ErrorCodes.OK) return response;
    return { ...response, ActionStatus: 'FAIL' };
  },
};
