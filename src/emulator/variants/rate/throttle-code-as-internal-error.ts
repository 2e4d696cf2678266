import { choices } from '../../../rules/index.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { BURST_CALLS, burstCodes, THROTTLE_ON } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Config hook: calls over the rate are refused with a server error instead of the throttle code. */
export const throttleCodeAsInternalError: CatalogueVariant = {
  name: 'throttle-code-as-internal-error',
  description: `calls over the rate limit answer ${ErrorCodes.INTERNAL_ERROR} (internal error) instead of the throttle code ${choices.throttle.default}`,
  killedBy: 'load-over',
  config: { throttle: { code: ErrorCodes.INTERNAL_ERROR } },
  probe: {
    scenario: `${BURST_CALLS} calls at once; distinct codes`,
    config: THROTTLE_ON,
    run: (p) => burstCodes(p, BURST_CALLS),
    correct: [ErrorCodes.OK, choices.throttle.default],
    variant: [ErrorCodes.OK, ErrorCodes.INTERNAL_ERROR],
  },
};
