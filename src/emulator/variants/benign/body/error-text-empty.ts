import type { BenignVariant } from '../../../types.ts';

/** Failures with an empty ErrorInfo / ResultInfo. */
export const errorTextEmpty: BenignVariant = {
  name: 'error-text-empty',
  description: 'ErrorInfo and ResultInfo are "" on failure too (the default: a message)',
  kind: 'benign',
  config: { choices: { errorText: 'empty' } },
  docs: 'ErrorInfo is "error information"; no doc says it is non-empty on failure, and the verdict is ActionStatus/ErrorCode/ResultCode',
};
