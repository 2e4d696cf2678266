import type { BenignVariant } from '../../../types.ts';

/** 200 calls/s counted in fixed one-second windows instead of smoothly. */
export const limiterFixedWindow: BenignVariant = {
  name: 'limiter-fixed-window',
  description: 'the rate limit counts calls per command in fixed one-second windows (the default: a smooth GCRA with a small burst)',
  kind: 'benign',
  config: { choices: { limiter: 'fixed-window' } },
  docs: 'the docs give the limit (200 calls/s per API) but not how a second is counted or how much burst is tolerated',
};
