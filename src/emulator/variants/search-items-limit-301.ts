import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: search_contact_group takes 301 conversations instead of at most 300. */
export const searchItemsLimit301: EmulatorVariant = {
  name: 'search-items-limit-301',
  description: `search_contact_group accepts 301 ContactItem entries instead of answering ${ErrorCodes.INVALID_PARAMETER} above 300`,
  config: { limits: { maxSearchItems: 301 } },
};
