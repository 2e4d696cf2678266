import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Response hook: get_contact_group successes lack the GroupItem list. */
export const getGroupItemMissing: EmulatorVariant = {
  name: 'get-group-item-missing',
  description: 'get_contact_group answers without GroupItem (the user\'s conversation groups)',
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/get_contact_group' || response?.ErrorCode !== ErrorCodes.OK) return response;
    const { GroupItem: _g, ...rest } = response as Record<string, unknown>;
    return rest;
  },
};
