/** Small helpers shared by the suites. */

// The concurrency pool (mapPool) and batching live in the shared core, used by the load side too.
export { chunks } from '../../src/core/pool.ts';

export const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
