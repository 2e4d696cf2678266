import type { BenignVariant } from '../../../types.ts';

/** No keep-alive: the server closes the connection after each answer. */
export const connectionClose: BenignVariant = {
  name: 'connection-close',
  description: 'every answer carries Connection: close and the server closes the socket after it',
  kind: 'benign',
  config: { faults: [{ command: '*', kind: 'close', probability: 1 }] },
  docs: 'the docs say nothing about connection reuse',
};
