import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: get_contact_group always answers the first page, whatever StartIndex says. */
export const startIndexIgnored: EmulatorVariant = {
  name: 'start-index-ignored',
  description: 'get_contact_group ignores StartIndex and always answers the first page (paging never advances)',
  quirks: { ignoreStartIndex: true },
};
