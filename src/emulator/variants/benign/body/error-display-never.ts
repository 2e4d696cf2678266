import type { BenignVariant } from '../../../types.ts';

/** No ErrorDisplay at all. */
export const errorDisplayNever: BenignVariant = {
  name: 'error-display-never',
  description: 'no answer carries ErrorDisplay (the default: where the doc samples show it)',
  kind: 'benign',
  config: { choices: { errorDisplay: 'never' } },
  docs: 'ErrorDisplay is not in the response field tables of the pages, only in some samples',
};
