import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: the 51011 answer (name empty or too long) carries ActionStatus OK. */
export const nameInvalidReportedOk: EmulatorVariant = {
  name: 'name-invalid-reported-ok',
  description: `a ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} answer (group name empty or over 32 bytes) says ActionStatus "OK" instead of "FAIL"`,
  transformResponse(_command, _request, response) {
    if (response?.ErrorCode !== ErrorCodes.CONTACT_GROUP_NAME_INVALID) return response;
    return { ...response, ActionStatus: 'OK' };
  },
};
