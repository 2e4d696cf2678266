/**
 * Ceiling step search (pure logic; the runner executes the steps). Method, per command:
 * 1. coarse: steps from `from` up by `step` until the command's first throttle answer (or `to`);
 * 2. bisection between the highest clean rate and the lowest throttled rate down to `resolution`;
 * 3. probe: one step at `probeRate` (default 1.5 × the documented ceiling), where the limiter is
 *    saturated at once — its accepted calls per second after the first whole second measure the
 *    sustained limit directly, and the calls accepted beyond that the burst allowance.
 * A limiter with burst B hides an overload (r − C)·T ≤ B, so steps of T seconds find the onset at
 * about C + B/T; the probe separates C from B. create/del move together (they must share a rate).
 */
import type { LoadCommand } from '../plan/commands.ts';
import type { Rates } from '../plan/schedule.ts';

export interface CeilingParams {
  from: number;
  to: number;
  step: number;
  resolution: number;
  probe: boolean;
  /** Rate of the probe step (0: no probe). */
  probeRate: number;
}

export const DEFAULT_CEILING_PARAMS: CeilingParams = Object.freeze({ from: 150, to: 250, step: 10, resolution: 2, probe: true, probeRate: 300 });
export const MAX_CEILING_STEPS = 40;

export interface StepObservation {
  calls: number;
  throttled: number;
  /** Calls the limiter let through (not throttled, whatever else they answered) per whole second, ascending by time. */
  acceptedPerSecond: number[];
}

export interface CeilingFinding {
  /** Highest rate with no throttle answer (undefined: throttled already at `from`). */
  low?: number;
  /** Lowest rate with throttle answers (undefined: none up to `to`). */
  high?: number;
  /** Median accepted calls/s in the probe step, after its first whole second. */
  sustained?: number;
  /** Calls accepted in the probe beyond sustained × T. */
  burstEstimate?: number;
  steps: { rate: number; calls: number; throttled: number }[];
  text: string;
}

const PAIR: LoadCommand[] = ['recentcontact/create_contact_group', 'recentcontact/del_contact_group'];
const median = (xs: number[]): number | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export class CeilingSearch {
  readonly findings = new Map<LoadCommand, CeilingFinding>();
  private coarse: number;
  private probed = false;
  stepsRun = 0;

  constructor(
    readonly commands: LoadCommand[],
    readonly p: CeilingParams,
    readonly seconds: number,
  ) {
    for (const c of commands) this.findings.set(c, { steps: [], text: '' });
    this.coarse = p.from;
  }

  private resolved(c: LoadCommand): boolean {
    const f = this.findings.get(c) as CeilingFinding;
    if (f.high === undefined) return (f.low ?? -1) >= this.p.to;
    return f.high - (f.low ?? this.p.from - this.p.step) <= this.p.resolution || (f.low === undefined && f.high <= this.p.from);
  }

  /** Rates of the next step, or undefined when the search is done. */
  next(): Rates | undefined {
    if (this.stepsRun >= MAX_CEILING_STEPS) return undefined;
    const rates: Rates = {};
    const coarsePhase = this.commands.some((c) => this.findings.get(c)?.high === undefined && !this.resolved(c));
    for (const c of this.commands) {
      const f = this.findings.get(c) as CeilingFinding;
      if (this.resolved(c)) continue;
      if (coarsePhase) {
        if (f.high === undefined) rates[c] = Math.min(this.coarse, this.p.to);
      } else {
        rates[c] = Math.floor(((f.low ?? this.p.from) + (f.high as number)) / 2);
      }
    }
    this.pairUp(rates);
    if (Object.keys(rates).length > 0) return rates;
    if (this.p.probe && this.p.probeRate > 0 && !this.probed) {
      this.probed = true;
      return Object.fromEntries(this.commands.map((c) => [c, this.p.probeRate])) as Rates;
    }
    return undefined;
  }

  /** create and del share one rate: an unresolved member leads, the other follows. */
  private pairUp(rates: Rates): void {
    const [c, d] = PAIR as [LoadCommand, LoadCommand];
    if (!this.commands.includes(c) || !this.commands.includes(d)) return;
    const r = rates[c] ?? rates[d];
    if (r === undefined) return;
    rates[c] = r;
    rates[d] = r;
  }

  record(rates: Rates, obs: Map<LoadCommand, StepObservation>): void {
    this.stepsRun++;
    const isProbe = this.probed && this.commands.every((c) => rates[c] === this.p.probeRate) && this.commands.every((c) => this.resolved(c));
    for (const [c, o] of obs) {
      const r = rates[c];
      const f = this.findings.get(c);
      if (r === undefined || !f) continue;
      f.steps.push({ rate: r, calls: o.calls, throttled: o.throttled });
      if (isProbe) {
        // the probe measures the sustained rate; it does not move the onset bracket
      } else if (o.throttled > 0) f.high = f.high === undefined ? r : Math.min(f.high, r);
      else f.low = f.low === undefined ? r : Math.max(f.low, r);
      if (isProbe) {
        f.sustained = median(o.acceptedPerSecond.length > 1 ? o.acceptedPerSecond.slice(1) : o.acceptedPerSecond);
        if (f.sustained !== undefined) f.burstEstimate = Math.max(0, Math.round(o.calls - o.throttled - f.sustained * this.seconds));
      }
    }
    if (!isProbe) this.coarse += this.p.step;
    for (const [c, f] of this.findings) f.text = describe(c, f, this.p, this.seconds);
  }
}

function describe(_c: LoadCommand, f: CeilingFinding, p: CeilingParams, seconds: number): string {
  const onset =
    f.high === undefined
      ? `no throttling up to ${f.low ?? p.to}/s`
      : f.low === undefined
        ? `throttled already at ${f.high}/s (the lowest rate tried)`
        : `throttle answers start between ${f.low} and ${f.high}/s`;
  const method = `(${seconds} s steps from ${p.from}/s by ${p.step}, bisection to ${p.resolution}/s; a burst allowance B moves the onset up by B/${seconds} calls/s)`;
  const probe = f.sustained === undefined ? '' : `; probe at ${p.probeRate}/s: sustained accepted rate ${f.sustained}/s, burst allowance ≈ ${f.burstEstimate} calls`;
  return `${onset} ${method}${probe}`;
}
