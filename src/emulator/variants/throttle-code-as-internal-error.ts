import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';

/** Config hook: calls over the rate are refused with a server error instead of the throttle code. */
export const throttleCodeAsInternalError: EmulatorVariant = {
  name: 'throttle-code-as-internal-error',
  description: `calls over the rate limit answer ${ErrorCodes.INTERNAL_ERROR} (internal error) instead of the throttle code ${ErrorCodes.API_RATE_LIMITED}`,
  config: { throttle: { code: ErrorCodes.INTERNAL_ERROR } },
};
