/**
 * Ceiling step search (pure logic; the runner executes the steps). Method, per command:
 * 1. coarse: steps from `from` up by `step` until the command's first step over the ceiling (or `to`);
 * 2. bisection between the highest step held and the lowest step over, down to `resolution`;
 * 3. probe: one step at `probeRate` (default 1.5 × the documented ceiling), where the limiter is
 *    saturated at once — its accepted calls per whole second after the first measure the sustained
 *    limit directly (the ceiling found), and the calls accepted beyond that the burst allowance.
 * The docs do not say how the limit is counted, so a step is judged per one-second window, not by
 * assuming a smooth limiter: it is over the ceiling when at least SUSTAINED_WINDOWS of its windows each
 * refused two or more calls. A fixed one-second window refuses at most one call per window at a rate
 * ≤ C (a call that pacing jitter moved across the edge into the next window), and at C + 2 two in every
 * window; a single clump of refusals in one window is a stall (calls that reached the server bunched),
 * not a rate. A smooth limiter with burst B hides an overload (r − C)·T ≤ B over a step of T seconds,
 * so its onset sits at about C + B/T (a little more: its refusals must span two windows); a fixed
 * window's at C + 2.
 * The onset depends on the shape, the sustained rate does not: that is the ceiling found. The shape
 * observed comes from the step with the most throttle answers (shape.ts). create/del move together.
 */
import type { LoadCommand } from '../plan/commands.ts';
import type { Rates } from '../plan/schedule.ts';
import { detectShape, type PhaseJson, type ShapeFinding } from './shape.ts';

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
  /** Calls started in each of those whole seconds. */
  callsPerSecond: number[];
  /** Throttle answers in every one-second window of the step, the partial first and last included (less late starts). */
  throttledPerWindow: number[];
  /** Calls and throttle answers by phase in the second (the limiter's shape). */
  phase?: PhaseJson;
}

export interface CeilingStep {
  rate: number;
  calls: number;
  throttled: number;
  /** Median calls let through per whole second of the step (all calls / T without whole seconds). */
  accepted?: number;
  /** Judged over the ceiling (per whole window; see the module comment). */
  over?: boolean;
  /** The probe step (it measures the sustained rate, it does not move the bracket). */
  probe?: boolean;
}

export interface CeilingFinding {
  /** Highest step rate the limiter held (undefined: over already at `from`). */
  low?: number;
  /** Lowest step rate over the ceiling (undefined: none up to `to`). */
  high?: number;
  /** The ceiling found, calls/s: the probe's sustained rate, else the median accepted per whole second of the most throttled step. */
  ceiling?: number;
  /** The limiter shape observed in the step with the most throttle answers. */
  shape?: ShapeFinding;
  /** Median accepted calls/s in the probe step, after its first whole second. */
  sustained?: number;
  /** Calls accepted in the probe beyond sustained × T. */
  burstEstimate?: number;
  steps: CeilingStep[];
  text: string;
}

/** Windows that must each refuse two or more calls for a step to be over the ceiling. */
export const SUSTAINED_WINDOWS = 2;

/** Per-window judgement of one step: over the ceiling, or held (see the module comment). */
export function stepOver(o: StepObservation): boolean {
  return o.throttledPerWindow.filter((n) => n >= 2).length >= SUSTAINED_WINDOWS;
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
  /** Per command, the phases of the step with the most throttle answers so far. */
  private readonly shapeStep = new Map<LoadCommand, { throttled: number; phase: PhaseJson }>();
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
      const over = stepOver(o);
      const accepted = median(o.acceptedPerSecond) ?? Math.round(((o.calls - o.throttled) / this.seconds) * 10) / 10;
      f.steps.push({ rate: r, calls: o.calls, throttled: o.throttled, accepted, over, ...(isProbe ? { probe: true } : {}) });
      if (o.phase && o.throttled > (this.shapeStep.get(c)?.throttled ?? -1)) this.shapeStep.set(c, { throttled: o.throttled, phase: o.phase });
      if (isProbe) {
        f.sustained = median(o.acceptedPerSecond.length > 1 ? o.acceptedPerSecond.slice(1) : o.acceptedPerSecond);
        if (f.sustained !== undefined) f.burstEstimate = Math.max(0, Math.round(o.calls - o.throttled - f.sustained * this.seconds));
      } else if (over) f.high = f.high === undefined ? r : Math.min(f.high, r);
      else f.low = f.low === undefined ? r : Math.max(f.low, r);
    }
    if (!isProbe) this.coarse += this.p.step;
    for (const [c, f] of this.findings) {
      conclude(f, this.shapeStep.get(c)?.phase);
      f.text = describe(c, f, this.p, this.seconds);
    }
  }
}

/** The ceiling found and the shape observed (from the phases of the step with the most throttle answers). */
function conclude(f: CeilingFinding, phase: PhaseJson | undefined): void {
  if (phase) f.shape = detectShape(phase);
  if (f.sustained !== undefined) f.ceiling = f.sustained;
  else {
    const over = f.steps.filter((x) => x.over && !x.probe).sort((a, b) => b.throttled - a.throttled)[0];
    if (over?.accepted !== undefined) f.ceiling = over.accepted;
  }
}

function describe(_c: LoadCommand, f: CeilingFinding, p: CeilingParams, seconds: number): string {
  const onset =
    f.high === undefined
      ? `no step over the ceiling up to ${f.low ?? p.to}/s`
      : f.low === undefined
        ? `over the ceiling already at ${f.high}/s (the lowest rate tried)`
        : `throttling starts between ${f.low} and ${f.high}/s`;
  const found = f.ceiling === undefined ? '' : `ceiling ≈ ${f.ceiling}/s (${f.sustained !== undefined ? `accepted per whole second at ${p.probeRate}/s offered` : 'accepted per whole second of the most throttled step'}); `;
  const method = `(${seconds} s steps from ${p.from}/s by ${p.step}, bisection to ${p.resolution}/s, judged per whole one-second window; a smooth limiter's burst B moves the onset up by B/${seconds} calls/s, a fixed window's onset is C + 2)`;
  const probe = f.sustained === undefined ? '' : `; probe at ${p.probeRate}/s: sustained accepted rate ${f.sustained}/s, burst allowance ≈ ${f.burstEstimate} calls`;
  const shape = f.shape ? `; limiter shape: ${f.shape.text}` : '';
  return `${found}${onset} ${method}${probe}${shape}`;
}
