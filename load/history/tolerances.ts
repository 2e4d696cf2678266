/**
 * Baseline tolerances: how far a figure may move against the baseline run before the run fails.
 * Syntax (flag --tolerance, config load.tolerances, TCIM_LOAD_TOLERANCES), comma-separated:
 *   p50=20%  p95=20%  p99=20%  latency=20% (all three)   — rise allowed, percent of the baseline
 *   latency-floor=10ms                                    — and a latency rise must also exceed this
 *   achieved=1%  accepted=5%  ceiling=5%                  — drop allowed, percent of the baseline
 *   throttled=5pt                                         — rise allowed, percentage points of share
 *   <figure>=off                                          — do not compare that figure
 */
import { LoadConfigError } from '../plan/commands.ts';

export type ToleranceKey = 'achieved' | 'accepted' | 'p50' | 'p95' | 'p99' | 'throttled' | 'ceiling';

export interface BaselineTolerances {
  /** Percent (relative figures) or points (throttled); null = not compared. */
  limits: Record<ToleranceKey, number | null>;
  /** A latency change must exceed both the relative limit and this many ms (loopback p99 2 → 4 ms is noise). */
  latencyFloorMs: number;
}

export const DEFAULT_TOLERANCES: Readonly<BaselineTolerances> = Object.freeze({
  limits: Object.freeze({ achieved: 1, accepted: 5, p50: 20, p95: 20, p99: 20, throttled: 5, ceiling: 5 }),
  latencyFloorMs: 10,
});

const UNIT: Record<ToleranceKey | 'latency-floor', '%' | 'pt' | 'ms'> = { achieved: '%', accepted: '%', p50: '%', p95: '%', p99: '%', ceiling: '%', throttled: 'pt', 'latency-floor': 'ms' };
const KEYS = [...Object.keys(UNIT), 'latency'];
const MAX = { '%': 10_000, pt: 100, ms: 600_000 } as const;

/** Applies a tolerance spec over `base`; `source` names the flag or setting in errors (exit 2). */
export function parseTolerances(spec: string, source: string, base: BaselineTolerances = DEFAULT_TOLERANCES): BaselineTolerances {
  const out: BaselineTolerances = { limits: { ...base.limits }, latencyFloorMs: base.latencyFloorMs };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z0-9-]+)\s*=\s*(.+)$/.exec(part);
    const key = m?.[1] ?? '';
    if (!m || !KEYS.includes(key)) throw new LoadConfigError(`${source}: "${part}" is not name=value with a name of ${KEYS.join(', ')} (e.g. p99=20%,ceiling=5%,throttled=5pt,latency-floor=10ms)`);
    const keys = key === 'latency' ? (['p50', 'p95', 'p99'] as const) : [key as ToleranceKey | 'latency-floor'];
    const unit = UNIT[keys[0] as ToleranceKey];
    const raw = (m[2] as string).trim();
    if (raw === 'off') {
      if (key === 'latency-floor') throw new LoadConfigError(`${source}: latency-floor cannot be off (use latency-floor=0ms)`);
      for (const k of keys) out.limits[k as ToleranceKey] = null;
      continue;
    }
    const v = new RegExp(`^([0-9]+(?:\\.[0-9]+)?)${unit}$`).exec(raw);
    const n = v ? Number(v[1]) : Number.NaN;
    if (!Number.isFinite(n) || n > MAX[unit]) throw new LoadConfigError(`${source}: ${key} must be a number with unit ${unit} from 0 to ${MAX[unit]}${unit} (or off), got "${raw}"`);
    if (key === 'latency-floor') out.latencyFloorMs = n;
    else for (const k of keys) out.limits[k as ToleranceKey] = n;
  }
  return out;
}

/** The spec string of tolerances given as config fields (load.tolerances): numbers in their unit, false = off. */
export function toleranceSpec(t: Partial<Record<ToleranceKey, number | false>> & { latencyFloorMs?: number }): string {
  const parts = (Object.keys(UNIT) as (ToleranceKey | 'latency-floor')[]).flatMap((k) => {
    const v = k === 'latency-floor' ? t.latencyFloorMs : t[k];
    return v === undefined ? [] : [`${k}=${v === false ? 'off' : `${v}${UNIT[k]}`}`];
  });
  return parts.join(',');
}

/** The tolerances as written into the summary: figure → percent / points / ms (null = not compared). */
export const toleranceValues = (t: BaselineTolerances): Record<string, number | null> => ({ ...t.limits, latencyFloorMs: t.latencyFloorMs });
