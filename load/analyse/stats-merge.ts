/**
 * Merging statistics. `concurrent`: segments of one run that ran at the same time (rates add up);
 * `sequential`: attacks one after another (ceiling steps; rates are not added, the highest is kept).
 */
import type { LoadCommand } from '../plan/commands.ts';
import { Histogram } from './histogram.ts';
import { CommandStats, type Counts } from './stats.ts';

export type MergeMode = 'concurrent' | 'sequential';

function addCounts(into: Counts, from: Counts): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** The numeric fields of T. */
type NumberKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

/** Adds each of the numeric fields `keys` of `from` to `into`. */
function addFields<T>(into: T, from: T, keys: readonly NumberKey<T>[]): void {
  for (const k of keys) (into[k] as number) += from[k] as number;
}

/** The call counters that add up across parts: of a command's totals, of its schema samples, of a series point. */
const TOTALS = ['plannedCalls', 'calls', 'ok', 'throttled', 'throttledLate', 'consequencesLate', 'late'] as const;
const SCHEMA = ['sampled', 'violations', 'unknownFields'] as const;
const POINT = ['calls', 'ok', 'throttled', 'contractErrors', 'consequences', 'transport', 'late'] as const;

export function mergeStats(parts: CommandStats[], mode: MergeMode): CommandStats {
  const first = parts[0];
  if (!first) throw new RangeError('nothing to merge');
  const windowMs = Math.max(...parts.map((p) => p.windowMs));
  const out = new CommandStats(first.command, 0, windowMs);
  for (const p of parts) {
    if (p.command !== out.command) throw new RangeError(`cannot merge ${p.command} into ${out.command}`);
    out.targetRate = mode === 'concurrent' ? out.targetRate + p.targetRate : Math.max(out.targetRate, p.targetRate);
    out.achievedRate = mode === 'concurrent' ? out.achievedRate + p.achievedRate : Math.max(out.achievedRate, p.achievedRate);
    addFields(out, p, TOTALS);
    out.lateLimitMs = Math.max(out.lateLimitMs, p.lateLimitMs);
    for (const key of ['codes', 'throttleCodes', 'contractErrors', 'consequences', 'perItemFailures', 'httpNon200', 'transportErrors'] as const) addCounts(out[key], p[key]);
    addFields(out.schema, p.schema, SCHEMA);
    out.schema.examples = [...out.schema.examples, ...p.schema.examples].slice(0, 5);
    out.firstTs = Math.min(out.firstTs, p.firstTs);
    out.lastTs = Math.max(out.lastTs, p.lastTs);
    out.latency.merge(p.latency);
    out.lateness.merge(p.lateness);
    out.phase.merge(p.phase);
    for (const pt of p.series.values()) {
      const q = out.point(pt.t);
      addFields(q, pt, POINT);
      q.latency.merge(pt.latency);
    }
  }
  return out;
}

/** Merges per-command maps (each part: command → stats). */
export function mergeStatMaps(parts: Map<LoadCommand, CommandStats>[], mode: MergeMode): Map<LoadCommand, CommandStats> {
  const byCmd = new Map<LoadCommand, CommandStats[]>();
  for (const m of parts) for (const [c, s] of m) byCmd.set(c, [...(byCmd.get(c) ?? []), s]);
  const out = new Map<LoadCommand, CommandStats>();
  for (const [c, list] of byCmd) out.set(c, mergeStats(list, mode));
  return out;
}

/** Latency of the series points within [from, to) (epoch ms), merged. */
export function windowLatency(s: CommandStats, from: number, to: number): Histogram {
  const h = new Histogram();
  for (const p of s.series.values()) if (p.t >= from && p.t < to) h.merge(p.latency);
  return h;
}
