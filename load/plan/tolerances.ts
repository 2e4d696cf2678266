/**
 * Tolerances of the load thresholds, with the reasoning (also written into summary.json).
 * Environment overrides TCIM_EXPECT_THROTTLE_CODE and TCIM_EXPECT_THROTTLE_BURST are read by src/rules (the one
 * reader of every TCIM_EXPECT_* setting); here they only become LoadConfigErrors.
 */
import { choices, expectedBurst as readBurst, expectedCode, expectedLimiter as readLimiter, pinnedCode, type LimiterShape } from '../../src/rules/index.ts';
import { DOCUMENTED_CEILING, LoadConfigError } from './commands.ts';

export const TOLERANCES = Object.freeze({
  /** Achieved rate per command within ±1 % of the target. */
  rateRelative: 0.01,
  /** A hit is a late start when it began this much after its scheduled time (and more than one interval of its command). */
  lateStartMs: 50,
  /** Late starts allowed, as a share of the calls of a command. */
  lateShareMax: 0.01,
  /** Absolute slack on the throttled share of `over`, both sides. */
  throttleShareSlack: 0.02,
  /** Default burst allowance of the target's limiter, in calls (the choice throttleBurst: the emulator's GCRA tolerance). */
  defaultBurst: choices.throttleBurst.default,
  /** One response in this many per command is validated against its schema. */
  schemaEvery: 20,
  /** Soak: p95 of the last window may be at most this factor of the first window's, plus driftSlackMs. */
  driftFactor: 1.5,
  driftSlackMs: 5,
  /** Ceiling search: the sustained accepted rate found may fall this share below the documented ceiling (a window edge moves a call or two). */
  ceilingRelative: 0.01,
  /** Soak drift windows: this share of the run at each end, at least soakWindowMinMs. */
  soakWindowShare: 0.1,
  soakWindowMinMs: 10_000,
});

export const TOLERANCE_NOTES: readonly string[] = [
  `calls: exactly rate × duration per command; vegeta stops scheduling at the deadline, so hits that fell due during a final stall are not sent — up to rate × late-start limit of them (at least one per vegeta process) may be missing; vegeta's whole-nanosecond interval can let one extra hit in at the deadline.`,
  `rate: achieved = (calls − 1) / (last start − first start) per command, within ±${TOLERANCES.rateRelative * 100} % of the target, or ± (late-start limit / span) when that is larger — so the jitter a late-start check tolerates on the first or last hit cannot fail the rate check of a short or slow run (smoke: 1/s); vegeta sends exactly rate × duration hits, so the check catches pacing that stretched the run.`,
  `late starts: a hit that starts more than max(${TOLERANCES.lateStartMs} ms, one interval of its own command) after its schedule (seq / total rate after the earliest hit) is late — the analogue of k6's dropped_iterations (vegeta never drops a hit; it sends it late and catches up). Normal pacing jitter on loopback is below 10 ms even at 1800/s on two cores; ${TOLERANCES.lateStartMs} ms is half of the ${(TOLERANCES.defaultBurst * 1000) / DOCUMENTED_CEILING} ms a ${TOLERANCES.defaultBurst}-call burst allowance covers at ${DOCUMENTED_CEILING}/s, so the catch-up after a shorter stall cannot by itself push a command over the limiter. Up to ${TOLERANCES.lateShareMax * 100} % of calls may be late (a GC pause or a scheduler stall of a few tens of ms on a shared CI machine); more means the run did not hold the intended rate.`,
  `over: expected throttled share (r − C) / r per command. The docs give the ceiling C, not how calls are counted: a smooth limiter with burst allowance B lets B extra calls through over a run of T seconds, a fixed one-second window up to C more (the run touches ⌈T⌉ + 1 windows); the allowance A is B, C, or the larger of the two when the shape is unknown (TCIM_EXPECT_LIMITER, default unknown), lowering the share by A / (r·T); the band is [(r − C)/r − A/(r·T) − ${TOLERANCES.throttleShareSlack}, (r − C)/r + ${TOLERANCES.throttleShareSlack}]. The ${TOLERANCES.throttleShareSlack} slack covers pacing jitter at window edges (a few calls per second at 300/s); the top is raised by the share of late starts, since a late hit catches up in a bunch and may be throttled where it would not have been.`,
  `soak: p95 of the last window ≤ ${TOLERANCES.driftFactor} × p95 of the first window + ${TOLERANCES.driftSlackMs} ms (loopback latencies are ~1 ms, so the absolute slack keeps noise from failing the run while a leak that grows latency still does); windows are ${TOLERANCES.soakWindowShare * 100} % of the run at each end (≥ ${TOLERANCES.soakWindowMinMs / 1000} s).`,
  `ceiling: a step is judged per whole one-second window, not by assuming a smooth limiter — it is over the ceiling when at least two of its one-second windows each refused two or more calls (a fixed window refuses at most one call per window at a rate ≤ C, when jitter moves a call across its edge; one clump of refusals in one window is a stall that bunched the calls, not a rate). The onset depends on the limiter's shape (a smooth limiter's burst B hides (r − C)·T ≤ B; a fixed window throttles from C + 1); the ceiling found is the sustained accepted rate per whole second under saturation (the probe), which does not — it must be at least ${(1 - TOLERANCES.ceilingRelative) * 100} % of the documented ceiling. The limiter shape observed is read from where in the second the throttle answers fall (bunched in one arc: fixed window; spread: smooth).`,
  `zero throttled: a throttle answer to a call that itself started late (caught up in a bunch after a generator stall, meeting an exhausted burst allowance) is the generator's doing and is reported as throttledLate; late_starts judges the stall.`,
  `schema: one response in ${TOLERANCES.schemaEvery} per command is validated (strict against the embedded emulator, unknown fields as drift warnings against a remote target).`,
];

type Env = Record<string, string | undefined>;

/** The throttle code the run expects (TCIM_EXPECT_THROTTLE_CODE, default the choice's); a throttle code of the error table. */
export const expectedThrottleCode = (env: Env): number => expectedCode('throttle', env, LoadConfigError);

/** True when TCIM_EXPECT_THROTTLE_CODE pins the throttle code; unset, any throttle code of the error table is the target's doc-allowed answer. */
export const throttleCodePinned = (env: Env): boolean => pinnedCode('throttle', env, LoadConfigError) !== undefined;

/** TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE as an analysis option: the pinned code, or nothing (any documented refusal). */
export function duplicateNameOption(env: Env): { duplicateNameCode?: number } {
  const code = pinnedCode('duplicateGroupName', env, LoadConfigError);
  return code === undefined ? {} : { duplicateNameCode: code };
}

/** How the target's limiter counts (TCIM_EXPECT_LIMITER; default unknown: verdicts must hold for either shape). */
export const expectedLimiter = (env: Env): LimiterShape => readLimiter(env, LoadConfigError);

/** Burst allowance of the target's limiter in calls (TCIM_EXPECT_THROTTLE_BURST, default the choice's). */
export const expectedBurst = (env: Env): number => readBurst(env, LoadConfigError);

/** Late-start limit of a command at `rate`/s: 50 ms, or one interval of its own schedule when longer (a shorter delay cannot bunch two of its calls). */
export const lateLimitFor = (rate: number): number => Math.max(TOLERANCES.lateStartMs, rate > 0 ? 1000 / rate : 0);

/**
 * Calls a limiter may let through beyond C per second over a run: a smooth limiter (GCRA) its burst B;
 * a fixed one-second window one window more (a run of T seconds touches up to ⌈T⌉ + 1 windows, C each);
 * an unknown shape the larger of the two, so the verdict holds for either.
 */
export function limiterAllowance(C: number, B: number, limiter: LimiterShape = 'unknown'): number {
  return limiter === 'gcra' ? B : limiter === 'fixed-window' ? C : Math.max(B, C);
}

/** Band of the throttled share at rate r against ceiling C, burst B, run length T seconds and the limiter's shape. */
export function throttleShareBand(r: number, C: number, B: number, T: number, limiter: LimiterShape = 'unknown'): { expected: number; low: number; high: number } {
  const expected = r > C ? (r - C) / r : 0;
  const low = Math.max(0, expected - limiterAllowance(C, B, limiter) / (r * T) - TOLERANCES.throttleShareSlack);
  const high = Math.min(1, expected + TOLERANCES.throttleShareSlack);
  return { expected, low, high };
}
