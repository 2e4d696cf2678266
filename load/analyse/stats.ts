/**
 * Per-command load statistics: counts by outcome and code, latency and lateness histograms, and a
 * time series (one point per window). Serialisable to summary.json and mergeable (stats-merge.ts).
 */
import type { LoadCommand } from '../plan/commands.ts';
import { Histogram, type HistogramJson } from './histogram.ts';
import { PhaseBins, type PhaseJson } from './shape.ts';

export type Counts = Record<string, number>;

export const bump = (c: Counts, key: string | number, n = 1): void => {
  c[String(key)] = (c[String(key)] ?? 0) + n;
};
export const total = (c: Counts): number => Object.values(c).reduce((s, n) => s + n, 0);

/** What one answer was, after classification. */
export type Outcome = 'ok' | 'throttled' | 'contract' | 'consequence' | 'transport' | 'http';

export interface SeriesPoint {
  /** Window start, epoch ms. */
  t: number;
  calls: number;
  ok: number;
  throttled: number;
  contractErrors: number;
  consequences: number;
  transport: number;
  late: number;
  latency: Histogram;
}

export interface SeriesPointJson extends Omit<SeriesPoint, 'latency'> {
  latency: HistogramJson;
}

export interface CommandStatsJson {
  command: LoadCommand;
  targetRate: number;
  plannedCalls: number;
  achievedRate: number;
  calls: number;
  ok: number;
  throttled: number;
  /** Throttle answers to calls that started late (caught up in a bunch after a generator stall). */
  throttledLate: number;
  codes: Counts;
  throttleCodes: Counts;
  contractErrors: Counts;
  consequences: Counts;
  /** Consequences whose cause was throttled after a late start. */
  consequencesLate: number;
  perItemFailures: Counts;
  httpNon200: Counts;
  transportErrors: Counts;
  schema: { sampled: number; violations: number; unknownFields: number; examples: string[] };
  late: number;
  /** A call that started more than this after its schedule counts as late. */
  lateLimitMs: number;
  firstTs: number;
  lastTs: number;
  latency: HistogramJson;
  lateness: HistogramJson;
  windowMs: number;
  series: SeriesPointJson[];
  /** Calls and throttle answers by phase in their wall-clock second: the limiter shape the run observed (shape.ts). */
  phase?: PhaseJson;
}

const emptyPoint = (t: number): SeriesPoint => ({ t, calls: 0, ok: 0, throttled: 0, contractErrors: 0, consequences: 0, transport: 0, late: 0, latency: new Histogram() });

export class CommandStats {
  plannedCalls = 0;
  achievedRate = 0;
  calls = 0;
  ok = 0;
  throttled = 0;
  throttledLate = 0;
  codes: Counts = {};
  throttleCodes: Counts = {};
  contractErrors: Counts = {};
  consequences: Counts = {};
  consequencesLate = 0;
  perItemFailures: Counts = {};
  httpNon200: Counts = {};
  transportErrors: Counts = {};
  schema = { sampled: 0, violations: 0, unknownFields: 0, examples: [] as string[] };
  late = 0;
  lateLimitMs = 0;
  firstTs = Number.POSITIVE_INFINITY;
  lastTs = Number.NEGATIVE_INFINITY;
  latency = new Histogram();
  lateness = new Histogram();
  phase = new PhaseBins();
  readonly series = new Map<number, SeriesPoint>();

  constructor(
    readonly command: LoadCommand,
    public targetRate: number,
    readonly windowMs: number,
  ) {}

  point(tsMs: number): SeriesPoint {
    const t = Math.floor(tsMs / this.windowMs) * this.windowMs;
    let p = this.series.get(t);
    if (!p) {
      p = emptyPoint(t);
      this.series.set(t, p);
    }
    return p;
  }

  /** Counts one call started at tsMs (latency undefined for transport errors). */
  call(tsMs: number, latencyMs: number | undefined, latenessMs: number): SeriesPoint {
    this.calls++;
    this.firstTs = Math.min(this.firstTs, tsMs);
    this.lastTs = Math.max(this.lastTs, tsMs);
    const p = this.point(tsMs);
    p.calls++;
    this.phase.call(tsMs);
    this.lateness.add(latenessMs);
    if (latenessMs > this.lateLimitMs) {
      this.late++;
      p.late++;
    }
    if (latencyMs !== undefined) {
      this.latency.add(latencyMs);
      p.latency.add(latencyMs);
    }
    return p;
  }

  /** Records the outcome of a call whose point is `p`. */
  outcome(p: SeriesPoint, o: Outcome, key: string | number): void {
    if (o === 'ok') (this.ok++, p.ok++);
    else if (o === 'throttled') (this.throttled++, p.throttled++, bump(this.throttleCodes, key));
    else if (o === 'contract') (bump(this.contractErrors, key), p.contractErrors++);
    else if (o === 'consequence') (bump(this.consequences, key), p.consequences++);
    else if (o === 'transport') (bump(this.transportErrors, key), p.transport++);
    else if (o === 'http') (bump(this.httpNon200, key), p.contractErrors++);
  }

  /** Calls per second between the first and the last start (n − 1 intervals). */
  finish(): void {
    const span = (this.lastTs - this.firstTs) / 1000;
    this.achievedRate = this.calls > 1 && span > 0 ? (this.calls - 1) / span : this.calls;
  }

  toJSON(): CommandStatsJson {
    return {
      command: this.command,
      targetRate: this.targetRate,
      plannedCalls: this.plannedCalls,
      achievedRate: Math.round(this.achievedRate * 1000) / 1000,
      calls: this.calls,
      ok: this.ok,
      throttled: this.throttled,
      throttledLate: this.throttledLate,
      codes: this.codes,
      throttleCodes: this.throttleCodes,
      contractErrors: this.contractErrors,
      consequences: this.consequences,
      consequencesLate: this.consequencesLate,
      perItemFailures: this.perItemFailures,
      httpNon200: this.httpNon200,
      transportErrors: this.transportErrors,
      schema: this.schema,
      late: this.late,
      lateLimitMs: this.lateLimitMs,
      firstTs: Number.isFinite(this.firstTs) ? this.firstTs : 0,
      lastTs: Number.isFinite(this.lastTs) ? this.lastTs : 0,
      latency: this.latency.toJSON(),
      lateness: this.lateness.toJSON(),
      windowMs: this.windowMs,
      series: [...this.series.values()].sort((a, b) => a.t - b.t).map((p) => ({ ...p, latency: p.latency.toJSON() })),
      phase: this.phase.toJSON(),
    };
  }

  static from(json: CommandStatsJson): CommandStats {
    const s = new CommandStats(json.command, json.targetRate, json.windowMs);
    s.plannedCalls = json.plannedCalls;
    s.achievedRate = json.achievedRate;
    s.calls = json.calls;
    s.ok = json.ok;
    s.throttled = json.throttled;
    s.throttledLate = json.throttledLate;
    s.consequencesLate = json.consequencesLate;
    s.late = json.late;
    s.lateLimitMs = json.lateLimitMs;
    s.firstTs = json.firstTs;
    s.lastTs = json.lastTs;
    for (const k of ['codes', 'throttleCodes', 'contractErrors', 'consequences', 'perItemFailures', 'httpNon200', 'transportErrors'] as const) s[k] = { ...json[k] };
    s.schema = { ...json.schema, examples: [...json.schema.examples] };
    s.latency = Histogram.from(json.latency);
    s.lateness = Histogram.from(json.lateness);
    s.phase = PhaseBins.from(json.phase);
    for (const p of json.series) s.series.set(p.t, { ...p, latency: Histogram.from(p.latency) });
    return s;
  }
}
