/**
 * A scenario second by second: how many calls of each command the mix sends in second k (its stage's
 * rate, a ramp in one-second steps, apportioned by the weights, create = del), which journey steps fall
 * due (a journey started in second s does step i in second s + i; only journeys that end within the
 * scenario start), and the attack rate R = the busiest second's total. Counts are exact per second.
 */
import { LOAD_COMMANDS, LoadConfigError, type LoadCommand } from '../commands.ts';
import { MAX_RATE_PER_COMMAND, pairChurn } from '../profiles.ts';
import { apportion, type Rates } from '../schedule.ts';
import type { Scenario } from './define.ts';

export interface Timeline {
  seconds: number;
  /** Calls per second vegeta paces at: the busiest second (the other seconds fill up with filler hits). */
  rate: number;
  /** Per second: the mix's calls per command. */
  mix: Rates[];
  /** Per second: mix calls of each command before it (the first ordinal of the second). */
  mixBefore: Rates[];
  /** Per second: all calls per command (mix and journey steps). */
  perCommand: Rates[];
  /** Stage index of each second. */
  stageOf: number[];
  /** Journeys started per second over all journeys; each journey's offset in a second's numbering. */
  journeysPerSecond: number;
  journeyOffset: number[];
  /** Largest create rate of the mix (the churn's lag is sized for it). */
  maxMixCreate: number;
}

/** Mix rate of second j (0-based) of a stage: from, to, or a linear step between. */
export const stageRateAt = (from: number, to: number, seconds: number, j: number): number => (seconds <= 1 ? to : Math.round(from + ((to - from) * j) / (seconds - 1)));

/** Whether journey t (with n steps) does step i in second k, i.e. it started in k − i and ends within T. */
export const journeyActive = (k: number, i: number, n: number, T: number): boolean => k - i >= 0 && k - i <= T - n;

export function buildTimeline(sc: Scenario): Timeline {
  const T = sc.seconds;
  const mix: Rates[] = [];
  const stageOf: number[] = [];
  const cache = new Map<number, Rates>();
  for (const st of sc.stages) {
    for (let j = 0; j < st.seconds; j++) {
      const total = stageRateAt(st.from, st.to, st.seconds, j);
      if (!cache.has(total)) cache.set(total, total > 0 ? pairChurn(apportion(total, sc.weights)) : {});
      mix.push(cache.get(total) as Rates);
      stageOf.push(st.index);
    }
  }
  const mixBefore: Rates[] = [];
  const run: Rates = {};
  for (const m of mix) {
    mixBefore.push({ ...run });
    for (const c of LOAD_COMMANDS) if (m[c]) run[c] = (run[c] ?? 0) + (m[c] as number);
  }
  const journeyOffset: number[] = [];
  let journeysPerSecond = 0;
  for (const j of sc.journeys) {
    journeyOffset.push(journeysPerSecond);
    journeysPerSecond += j.rate;
  }
  const perCommand: Rates[] = [];
  let rate = 0;
  for (let k = 0; k < T; k++) {
    const p: Rates = { ...mix[k] };
    sc.journeys.forEach((j) => j.steps.forEach((c: LoadCommand, i) => {
      if (journeyActive(k, i, j.steps.length, T)) p[c] = (p[c] ?? 0) + j.rate;
    }));
    for (const c of LOAD_COMMANDS) {
      if ((p[c] ?? 0) > MAX_RATE_PER_COMMAND) throw new LoadConfigError(`scenario ${sc.name}: second ${k} (stage ${stageOf[k]}) sends ${p[c]} calls of ${c}, above the ${MAX_RATE_PER_COMMAND}/s a command may get`);
    }
    perCommand.push(p);
    rate = Math.max(rate, LOAD_COMMANDS.reduce((n, c) => n + (p[c] ?? 0), 0));
  }
  if (rate === 0) throw new LoadConfigError(`scenario ${sc.name} sends nothing`);
  const maxMixCreate = Math.max(0, ...mix.map((m) => m['recentcontact/create_contact_group'] ?? 0));
  return { seconds: T, rate, mix, mixBefore, perCommand, stageOf, journeysPerSecond, journeyOffset, maxMixCreate };
}

/** Planned calls per command of each stage. */
export function stagePlanned(sc: Scenario, tl: Timeline): Rates[] {
  return sc.stages.map((st) => {
    const out: Rates = {};
    for (let k = st.start; k < st.start + st.seconds; k++) for (const c of LOAD_COMMANDS) if (tl.perCommand[k]?.[c]) out[c] = (out[c] ?? 0) + (tl.perCommand[k]?.[c] as number);
    return out;
  });
}
