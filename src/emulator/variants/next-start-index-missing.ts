import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: get_contact_group successes lack the required NextStartIndex. */
export const nextStartIndexMissing: EmulatorVariant = {
  name: 'next-start-index-missing',
  description: 'get_contact_group answers without NextStartIndex (a required field on success)',
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/get_contact_group' || response?.ErrorCode !== ErrorCodes.OK) return response;
    const { NextStartIndex: _n, ...rest } = response as Record<string, unknown>;
    return rest;
  },
};
