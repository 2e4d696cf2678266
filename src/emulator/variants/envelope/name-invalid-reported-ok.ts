import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { bytes, createGroup, envelopeOf } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooLong = limits.maxGroupNameBytes + 1;

/** Response hook: the CONTACT_GROUP_NAME_INVALID answer (name empty or too long) carries ActionStatus OK. */
export const nameInvalidReportedOk: CatalogueVariant = {
  name: 'name-invalid-reported-ok',
  description: `a ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} answer (group name empty or over ${limits.maxGroupNameBytes} bytes) says ActionStatus "OK" instead of "FAIL"`,
  killedBy: 'contracts',
  fields: [{ field: 'envelope:ActionStatus', how: 'value' }],
  seenBy: ['create: an empty name'],
  transformResponse(_command, _request, response) {
    if (response?.ErrorCode !== ErrorCodes.CONTACT_GROUP_NAME_INVALID) return response;
    return { ...response, ActionStatus: 'OK' };
  },
  probe: {
    scenario: `create with a ${oneTooLong}-byte name; [ActionStatus, ErrorCode]`,
    run: (p) => envelopeOf(p, CM.createContactGroup, createGroup(bytes(oneTooLong))),
    correct: ['FAIL', ErrorCodes.CONTACT_GROUP_NAME_INVALID],
    variant: ['OK', ErrorCodes.CONTACT_GROUP_NAME_INVALID],
  },
};
