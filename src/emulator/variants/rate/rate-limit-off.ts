import { choices } from '../../../rules/index.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { BURST_CALLS, burstCodes, THROTTLE_ON } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Config hook: no rate limiting at all. */
export const rateLimitOff: CatalogueVariant = {
  name: 'rate-limit-off',
  description: `the ${limits.rateLimitPerSecond} calls/s per-command rate limit is not enforced: no call is ever throttled`,
  killedBy: 'load-over',
  config: { throttle: { enabled: false } },
  probe: {
    scenario: `${BURST_CALLS} calls at once; distinct codes`,
    config: THROTTLE_ON,
    run: (p) => burstCodes(p, BURST_CALLS),
    correct: [ErrorCodes.OK, choices.throttle.default],
    variant: [ErrorCodes.OK],
  },
};
