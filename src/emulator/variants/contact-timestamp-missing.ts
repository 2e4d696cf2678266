import type { EmulatorVariant } from '../types.ts';

/** Response hook: get_contact_group conversations lose their required Timestamp. */
export const contactTimestampMissing: EmulatorVariant = {
  name: 'contact-timestamp-missing',
  description: 'get_contact_group returns conversations without Timestamp (a schema violation)',
  transformResponse(command, _request, response) {
    if (command !== 'recentcontact/get_contact_group' || !Array.isArray(response?.ContactItem)) return response;
    return { ...response, ContactItem: response.ContactItem.map(({ Timestamp: _t, ...rest }: Record<string, unknown>) => rest) };
  },
};
