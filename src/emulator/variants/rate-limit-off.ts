import type { EmulatorVariant } from '../types.ts';

/** Config hook: no rate limiting at all. */
export const rateLimitOff: EmulatorVariant = {
  name: 'rate-limit-off',
  description: 'the 200 calls/s per-command rate limit is not enforced: no call is ever throttled',
  config: { throttle: { enabled: false } },
};
