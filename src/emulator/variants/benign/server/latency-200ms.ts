import type { BenignVariant } from '../../../types.ts';

const DELAY_MS = 200;

/** A staging app in another region: every call answers 200 ms later. */
export const latency200ms: BenignVariant = {
  name: 'latency-200ms',
  description: `every call is answered ${DELAY_MS} ms later (a target in another region)`,
  kind: 'benign',
  config: { faults: [{ command: '*', kind: 'latency', probability: 1, latencyMs: DELAY_MS }] },
  docs: 'the docs promise no latency; the REST API is reached over the internet',
};
