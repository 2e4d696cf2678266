import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { getPage } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group successes lack the required NextStartIndex. */
export const nextStartIndexMissing: CatalogueVariant = {
  name: 'next-start-index-missing',
  description: 'get_contact_group answers without NextStartIndex (a required field on success)',
  killedBy: 'contracts',
  fields: [{ field: 'get_contact_group:NextStartIndex', how: 'drop' }],
  seenBy: ['get: a user without data'],
  transformResponse(command, _request, response) {
    if (command !== CM.getContactGroup || response?.ErrorCode !== ErrorCodes.OK) return response;
    const { NextStartIndex: _n, ...rest } = response as Record<string, unknown>;
    return rest;
  },
  probe: {
    scenario: 'get_contact_group; has NextStartIndex',
    run: async (p) => 'NextStartIndex' in (await getPage(p)),
    correct: true,
    variant: false,
  },
};
