/**
 * A simulated target for limiter tests: the emulator's own RateLimiter (both shapes) on synthetic
 * timestamps, its answers counted by the real CommandStats — no network, no timing.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { RateLimiter } from '../../src/emulator/pipeline/throttle.ts';
import type { EmulatorChoices, ThrottleConfig } from '../../src/emulator/types.ts';
import { limits } from '../../src/schema/index.ts';
import { CeilingSearch, DEFAULT_CEILING_PARAMS } from '../../load/analyse/ceiling.ts';
import { CommandStats } from '../../load/analyse/stats.ts';
import { observe } from '../../load/ceiling-run.ts';
import type { LoadCommand } from '../../load/plan/commands.ts';

export type Shape = EmulatorChoices['limiter'];
export const C = limits.rateLimitPerSecond;
export const BURST = 20;
const CONFIG: ThrottleConfig = { enabled: true, perSecond: C, burst: BURST, code: ErrorCodes.API_RATE_LIMITED, appWidePerSecond: 0 };
export const GET: LoadCommand = 'recentcontact/get_contact_group';
export const T0 = Date.UTC(2026, 0, 1);

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** One step: `rate` calls/s for T s from startMs (client clock); each arrives jitter later, on a server clock `skewMs` ahead. */
export function step(limiter: RateLimiter, shape: Shape, rate: number, T: number, startMs: number, o: { jitterMs?: number; skewMs?: number; random?: () => number; command?: LoadCommand } = {}): CommandStats {
  const s = new CommandStats(o.command ?? GET, rate, 1000);
  const random = o.random ?? rng(7);
  for (let k = 0; k < rate * T; k++) {
    const ts = startMs + (k * 1000) / rate;
    // loopback-like latency: about a millisecond, one call in a hundred slow
    const p = s.call(ts, 0.4 + random() + (random() < 0.01 ? 15 * random() : 0), 0);
    const refused = limiter.check(o.command ?? GET, CONFIG, ts + (o.skewMs ?? 0) + random() * (o.jitterMs ?? 0), shape);
    if (refused) {
      s.outcome(p, 'throttled', refused.code);
      s.phase.throttle(ts);
    } else s.outcome(p, 'ok', 0);
  }
  s.finish();
  return s;
}

/** The whole search, one command, steps of T s separated by a second's pause and a phase offset. */
export function search(shape: Shape, seed: number, T = 5, skewMs = 0, parts?: CommandStats[]): CeilingSearch {
  const random = rng(seed);
  const limiter = new RateLimiter();
  const s = new CeilingSearch([GET], DEFAULT_CEILING_PARAMS, T);
  let at = T0 + Math.floor(random() * 1000);
  for (let rates = s.next(); rates; rates = s.next()) {
    const stats = step(limiter, shape, rates[GET] as number, T, at, { jitterMs: 1.5, skewMs, random });
    parts?.push(stats);
    s.record(rates, observe({ stats: new Map([[GET, stats]]), unmatched: 0, results: stats.calls, baselineMs: 0 }));
    at += (T + 1) * 1000 + Math.floor(random() * 1000);
  }
  return s;
}

