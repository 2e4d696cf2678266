import type { BenignVariant } from '../../../types.ts';

/** ErrorDisplay on every answer. */
export const errorDisplayAlways: BenignVariant = {
  name: 'error-display-always',
  description: 'every answer carries ErrorDisplay "" (the default: only where the doc samples show it)',
  kind: 'benign',
  config: { choices: { errorDisplay: 'always' } },
  docs: 'ErrorDisplay appears in some doc samples (search_contact_group, mark_contact, ...) and not in others (get_contact_group); its presence is not documented',
};
