import type { EmulatorVariant } from '../types.ts';

/** Config hook: the limiter runs at half the documented rate. */
export const rateLimit100: EmulatorVariant = {
  name: 'rate-limit-100',
  description: 'the per-command rate limit is enforced at 100 calls/s instead of the documented 200',
  config: { throttle: { perSecond: 100 } },
};
