import { ErrorCodes, lookupError } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: create_contact_group creates the group but answers a server error (a lost reply). */
export const createSuccessAsInternalError: EmulatorVariant = {
  name: 'create-success-as-internal-error',
  description: `create_contact_group creates the group but answers ActionStatus FAIL with ErrorCode ${ErrorCodes.INTERNAL_ERROR}`,
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/create_contact_group' || response?.ErrorCode !== ErrorCodes.OK) return response;
    const code = ErrorCodes.INTERNAL_ERROR;
    return { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: lookupError(code)?.meaning ?? 'internal error', ErrorDisplay: '' };
  },
};
