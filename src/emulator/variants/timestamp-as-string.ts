import type { EmulatorVariant } from '../types.ts';

const LISTS: Record<string, string> = {
  'recentcontact/get_contact_group': 'ContactItem',
  'recentcontact/search_contact_group': 'ContactResultItem',
};

/** Response hook: conversations carry Timestamp as a decimal string. */
export const timestampAsString: EmulatorVariant = {
  name: 'timestamp-as-string',
  description: 'get/search_contact_group answer each conversation\'s Timestamp as a string instead of an integer',
  transformResponse(command, _request, response) {
    const key = LISTS[command];
    const list = key === undefined ? undefined : response?.[key];
    if (key === undefined || !Array.isArray(list)) return response;
    return { ...response, [key]: list.map((c: Record<string, unknown>) => (typeof c.Timestamp === 'number' ? { ...c, Timestamp: String(c.Timestamp) } : c)) };
  },
};
