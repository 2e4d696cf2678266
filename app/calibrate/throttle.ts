/**
 * The throttle probe: the docs give the ceiling (200 calls/s per API), neither the code a throttled call
 * gets nor how calls are counted. One burst of reads of the probe's own account, sent as fast as the
 * connection allows, over the ceiling within a fraction of a second:
 * - the throttle code is the throttle-category code the target answers (the most frequent one);
 * - the limiter shape follows from the order of the answers (shapeOf): blocks for a fixed window,
 *   interleaved for a smooth limiter; neither clearly leaves the shape unrecorded.
 */
import { CMD, type ImClient } from '../../src/client/index.ts';
import { isThrottleCode } from '../../src/errors/index.ts';
import { mapPool } from '../../src/core/pool.ts';
import { rules } from '../../src/rules/index.ts';
import type { ProbeOutcome } from './probes.ts';

/** Calls of the burst: one and a half times the ceiling. */
const BURST = Math.round(1.5 * rules.rateLimitPerSecond.limit);
/** Bursts sent at most, back to back, until one is throttled. */
const MAX_BURSTS = 3;
/** Calls in flight at once: the whole burst, so it reaches the target within as short a time as this machine allows. */
const IN_FLIGHT = BURST;
/**
 * Answers in the order they came back, accepted or throttled, switch from one to the other: a smooth
 * limiter interleaves them all through the burst (one accepted call per 5 ms once its allowance is spent),
 * a fixed window answers a block of accepted calls, then a block of throttled ones until the next window.
 * Reordering in flight adds a few switches; these bounds leave room for it.
 */
const FIXED_WINDOW_MAX_SWITCHES = 8;
const SMOOTH_MIN_SWITCHES = 20;

/** Switches between accepted and throttled answers in answer order. */
export function switches(answers: readonly boolean[]): number {
  let n = 0;
  for (let i = 1; i < answers.length; i++) if (answers[i] !== answers[i - 1]) n++;
  return n;
}

/** The limiter shape the answer order shows, or undefined when it shows neither clearly. */
export function shapeOf(answers: readonly boolean[], seconds: number): 'gcra' | 'fixed-window' | undefined {
  const n = switches(answers);
  // a fixed window turns over once per second: two more switches for each window the burst reached
  if (n <= FIXED_WINDOW_MAX_SWITCHES + 2 * Math.ceil(seconds)) return 'fixed-window';
  return n >= SMOOTH_MIN_SWITCHES ? 'gcra' : undefined;
}

export interface ThrottleObservation {
  sent: number;
  accepted: number;
  throttled: number;
  seconds: number;
}

export async function throttleProbe(client: ImClient, owner: string, out: ProbeOutcome, log: (line: string) => void): Promise<ThrottleObservation> {
  const codes = new Map<number, number>();
  const answers: boolean[] = [];
  let accepted = 0;
  let sent = 0;
  const started = performance.now();
  // A slow machine spreads a burst over several windows of a fixed-window limiter: send more, up to MAX_BURSTS.
  for (let round = 0; round < MAX_BURSTS && codes.size === 0; round++, sent += BURST) await mapPool(Array.from({ length: BURST }, (_, i) => i), IN_FLIGHT, async () => {
    const res = await client.call(CMD.get, { From_Account: owner, StartIndex: 0 }, { retry: false, retryTransient: false });
    const code = (res.body as { ErrorCode?: unknown } | undefined)?.ErrorCode;
    if (code === 0) {
      accepted++;
      answers.push(true);
    } else if (typeof code === 'number' && isThrottleCode(code)) {
      codes.set(code, (codes.get(code) ?? 0) + 1);
      answers.push(false);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const throttled = [...codes.values()].reduce((a, b) => a + b, 0);
  const seen: ThrottleObservation = { sent, accepted, throttled, seconds };
  log(`  throttle burst: ${sent} calls in ${seconds.toFixed(2)} s, ${accepted} accepted, ${throttled} throttled`);
  if (throttled === 0) {
    out.notProbed.push(`throttleCode, limiter: ${sent} calls in ${seconds.toFixed(2)} s were not throttled`);
    return seen;
  }
  out.observed.throttleCode = [...codes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as number;
  const shape = shapeOf(answers, seconds);
  log(`  ${switches(answers)} switches between accepted and throttled answers: ${shape ?? 'neither shape clearly'}`);
  if (shape) out.observed.limiter = shape;
  else out.notProbed.push(`limiter: ${switches(answers)} switches between accepted and throttled answers show neither a fixed window nor a smooth limiter clearly`);
  return seen;
}
