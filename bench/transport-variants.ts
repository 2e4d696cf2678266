/**
 * Emulator variants of transport realism (loaded through TCIM_EMULATOR_VARIANT_MODULE): a server that
 * behaves exactly as documented but sits 200 ms away, answers 502 now and then, or closes the
 * connection after every answer. Used by `bench/transport.ts` and test/transport/suite-faults.test.ts;
 * none of them may change a contract verdict.
 */
import type { EmulatorVariant } from '../src/emulator/index.ts';

/** Added to every call: a staging app in another region. */
export const LATENCY_MS = 200;
/** One call in twenty answered 502 before the server sees it. */
export const HTTP502_BEFORE = 1 / 20;
/** One call in fifty applied by the server, then answered 502 (only writes change anything). */
export const HTTP502_AFTER = 1 / 50;

export const variants: EmulatorVariant[] = [
  {
    name: 'transport-latency-200',
    description: `${LATENCY_MS} ms added to every call`,
    config: { faults: [{ command: '*', kind: 'latency', probability: 1, latencyMs: LATENCY_MS }] },
  },
  {
    name: 'transport-502',
    description: 'one call in twenty answered 502 before the server saw it; one in fifty applied, then answered 502',
    config: {
      seed: 11,
      faults: [
        { command: '*', kind: 'http502', probability: HTTP502_BEFORE },
        { command: '*', kind: 'http502-after', probability: HTTP502_AFTER },
      ],
    },
  },
  {
    name: 'transport-close',
    description: 'every answer carries Connection: close and the server closes the socket after it',
    config: { faults: [{ command: '*', kind: 'close', probability: 1 }] },
  },
];
