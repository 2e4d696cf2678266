import { choices } from '../../../rules/index.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { pacedThrottled, THROTTLE_ON } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const halfRate = limits.rateLimitPerSecond / 2;
/** Probe pace: between the variant's rate and the documented one, so only the variant throttles. */
const pace = (limits.rateLimitPerSecond * 3) / 4;
const PACE_SECONDS = 1.5;
/** Well above the few a correct limiter may refuse by timer jitter, well below what half the rate refuses. */
const MIN_THROTTLED = 20;

/** Config hook: the limiter runs at half the documented rate. */
export const rateLimit100: CatalogueVariant = {
  name: 'rate-limit-100',
  description: `the per-command rate limit is enforced at ${halfRate} calls/s instead of the documented ${limits.rateLimitPerSecond}`,
  killedBy: 'load-over',
  config: { throttle: { perSecond: halfRate } },
  probe: {
    scenario: `calls paced at ${pace}/s for ${PACE_SECONDS} s; at least ${MIN_THROTTLED} throttled`,
    config: THROTTLE_ON,
    run: async (p) => (await pacedThrottled(p, pace, PACE_SECONDS, choices.throttle.default)) >= MIN_THROTTLED,
    correct: false,
    variant: true,
  },
};
