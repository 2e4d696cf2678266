import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: calls over the rate are refused with a server error instead of the throttle code. */
export const throttleCodeAsInternalError: EmulatorVariant = {
  name: 'throttle-code-as-internal-error',
  description: 'calls over the rate limit answer 50004 (internal error) instead of the throttle code 60007',
  config: { throttle: { code: ErrorCodes.INTERNAL_ERROR } },
};
