/**
 * The limiter shape a run observed, from where in the second its throttle answers fell. The docs give
 * 200 calls/s, not how they are counted, so the harness judges without assuming a shape and reports
 * the one it saw:
 * - a fixed one-second window admits the first C calls of each window and refuses the rest, so at a
 *   steady rate r > C every throttle answer falls in the last (r − C)/r of each window — bunched in one
 *   arc of the second, whatever the window's phase against our clock (a server aligned to its own
 *   clock or to its first call only moves the arc);
 * - a smooth limiter (GCRA, token bucket) refuses one call in every r/(r − C) all through the second.
 * Each call's start is put in one of PHASE_BINS bins of its wall-clock second (ms mod 1000); the
 * correlation ratio η² of "throttled" on the bin (between-bin variance of the throttled share over
 * its total variance p(1 − p)) is 1 when every bin is all-throttled or all-accepted (fixed window)
 * and near 0 when each bin has the same share (smooth). Too few throttle answers (or accepted calls)
 * leave the shape undetermined.
 */
export const PHASE_BINS = 20;
/** The window of a fixed limiter and the period of the phase: one second. */
const SECOND_MS = 1000;
/** η² at or above this: throttles bunched in part of the second — a fixed window. */
export const FIXED_WINDOW_MIN_ETA2 = 0.5;
/** η² at or below this: throttles spread evenly over the second — a smooth limiter. */
export const SMOOTH_MAX_ETA2 = 0.15;
/** Fewer throttle answers (or accepted calls) than this leave the shape undetermined. */
export const SHAPE_MIN_EVIDENCE = 30;

export type ObservedShape = 'gcra' | 'fixed-window' | 'undetermined';

export interface PhaseJson {
  /** Calls whose start fell in each bin of its wall-clock second. */
  calls: number[];
  /** Throttle answers among them. */
  throttled: number[];
}

export interface ShapeFinding {
  shape: ObservedShape;
  /** Correlation ratio of throttling on the phase in the second (0 spread … 1 bunched); null without evidence. */
  eta2: number | null;
  throttled: number;
  calls: number;
  /** Part of the second [from, to) in seconds where the bins are mostly throttled (fixed window only). */
  arc?: [number, number];
  text: string;
}

export class PhaseBins {
  readonly calls = new Array<number>(PHASE_BINS).fill(0);
  readonly throttled = new Array<number>(PHASE_BINS).fill(0);

  static bin(tsMs: number): number {
    const ms = ((tsMs % SECOND_MS) + SECOND_MS) % SECOND_MS;
    return Math.min(PHASE_BINS - 1, Math.floor((ms * PHASE_BINS) / SECOND_MS));
  }

  call(tsMs: number): void {
    (this.calls[PhaseBins.bin(tsMs)] as number)++;
  }

  throttle(tsMs: number): void {
    (this.throttled[PhaseBins.bin(tsMs)] as number)++;
  }

  merge(o: PhaseBins): this {
    for (let i = 0; i < PHASE_BINS; i++) {
      (this.calls[i] as number) += o.calls[i] as number;
      (this.throttled[i] as number) += o.throttled[i] as number;
    }
    return this;
  }

  toJSON(): PhaseJson {
    return { calls: [...this.calls], throttled: [...this.throttled] };
  }

  static from(json: PhaseJson | undefined): PhaseBins {
    const p = new PhaseBins();
    if (json && json.calls.length === PHASE_BINS && json.throttled.length === PHASE_BINS) {
      json.calls.forEach((n, i) => (p.calls[i] = n));
      json.throttled.forEach((n, i) => (p.throttled[i] = n));
    }
    return p;
  }
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const secs = (bin: number): number => Math.round((bin * SECOND_MS) / PHASE_BINS) / SECOND_MS;

/** The mostly-throttled arc of the second, walking round from the first bin after a mostly-accepted one. */
function throttledArc(p: PhaseJson): [number, number] | undefined {
  const hot = p.calls.map((c, i) => c > 0 && (p.throttled[i] as number) / c >= 0.5);
  const start = hot.findIndex((h, i) => h && !hot[(i + PHASE_BINS - 1) % PHASE_BINS]);
  if (start < 0) return undefined;
  let end = start;
  while (hot[(end + 1) % PHASE_BINS] && (end + 1) % PHASE_BINS !== start) end++;
  return [secs(start), secs((end + 1) % PHASE_BINS) || 1];
}

export function detectShape(p: PhaseJson): ShapeFinding {
  const calls = sum(p.calls);
  const throttled = sum(p.throttled);
  const base = { throttled, calls };
  if (throttled < SHAPE_MIN_EVIDENCE || calls - throttled < SHAPE_MIN_EVIDENCE) {
    const why = throttled < SHAPE_MIN_EVIDENCE ? `only ${throttled} throttle answers` : `only ${calls - throttled} calls let through`;
    return { ...base, shape: 'undetermined', eta2: null, text: `limiter shape undetermined: ${why} (at least ${SHAPE_MIN_EVIDENCE} of each are needed; a run well over the ceiling shows it)` };
  }
  const share = throttled / calls;
  const between = p.calls.reduce((s, c, i) => (c > 0 ? s + c * ((p.throttled[i] as number) / c - share) ** 2 : s), 0);
  const eta2 = Math.round((between / (calls * share * (1 - share))) * 1000) / 1000;
  const where = `η² ${eta2} of ${throttled} throttle answers on their ${SECOND_MS / PHASE_BINS} ms phase bin in the second`;
  if (eta2 >= FIXED_WINDOW_MIN_ETA2) {
    const arc = throttledArc(p);
    const at = arc ? `refused from ${arc[0]} s to ${arc[1]} s of each wall-clock second` : 'bunched in part of each second';
    return { ...base, shape: 'fixed-window', eta2, ...(arc ? { arc } : {}), text: `fixed one-second window: throttle answers ${at} (${where})` };
  }
  if (eta2 <= SMOOTH_MAX_ETA2) return { ...base, shape: 'gcra', eta2, text: `smooth limiter (GCRA / token bucket): throttle answers spread evenly over the second (${where})` };
  return { ...base, shape: 'undetermined', eta2, text: `limiter shape undetermined: throttle answers neither spread nor bunched (${where})` };
}

/** One shape for several commands: the one they agree on, else undetermined. */
export function combineShapes(findings: ShapeFinding[]): ObservedShape {
  const seen = new Set(findings.map((f) => f.shape).filter((s) => s !== 'undetermined'));
  return seen.size === 1 ? ([...seen][0] as ObservedShape) : 'undetermined';
}

export const SHAPE_NAMES: Record<ObservedShape, string> = { gcra: 'smooth (GCRA / token bucket)', 'fixed-window': 'fixed one-second window', undetermined: 'undetermined' };
