import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: every get_contact_group page claims to be the last one. */
export const completeFlagAlways1: EmulatorVariant = {
  name: 'complete-flag-always-1',
  description: 'get_contact_group answers CompleteFlag 1 (and NextStartIndex 0) on every page, so later pages are never pulled',
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/get_contact_group' || response?.ErrorCode !== ErrorCodes.OK) return response;
    return { ...response, CompleteFlag: 1, NextStartIndex: 0 };
  },
};
