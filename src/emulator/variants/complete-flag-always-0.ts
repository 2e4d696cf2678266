import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: no get_contact_group page is ever the last one (an unbounded pager loops forever). */
export const completeFlagAlways0: EmulatorVariant = {
  name: 'complete-flag-always-0',
  description: 'get_contact_group answers CompleteFlag 0 on every page, including the last (NextStartIndex then 0)',
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/get_contact_group' || response?.ErrorCode !== ErrorCodes.OK) return response;
    return { ...response, CompleteFlag: 0 };
  },
};
