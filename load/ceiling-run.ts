/** Runs the ceiling step search: one attack per step, fed back into CeilingSearch. */
import type { AttackAnalysis } from './analyse/analyse.ts';
import { CeilingSearch, type StepObservation } from './analyse/ceiling.ts';
import type { LoadCommand } from './plan/commands.ts';
import type { ResolvedRun } from './run-options.ts';
import type { Session } from './session.ts';

/**
 * Per command: calls, throttled, calls started and let through in each whole second (first/last partial
 * windows dropped), throttle answers per window (less the window's late starts: a call the generator sent
 * late, caught up in a bunch, is judged by late_starts, not counted against the target), phases in the second.
 */
export function observe(a: AttackAnalysis): Map<LoadCommand, StepObservation> {
  const out = new Map<LoadCommand, StepObservation>();
  for (const [c, s] of a.stats) {
    const points = [...s.series.values()].sort((x, y) => x.t - y.t);
    const whole = s.windowMs === 1000 ? points.slice(1, -1) : [];
    out.set(c, { calls: s.calls, throttled: s.throttled, acceptedPerSecond: whole.map((p) => p.calls - p.throttled), callsPerSecond: whole.map((p) => p.calls), throttledPerWindow: s.windowMs === 1000 ? points.map((p) => Math.max(0, p.throttled - p.late)) : [s.throttled - s.throttledLate], phase: s.phase.toJSON() });
  }
  return out;
}

export async function runCeiling(session: Session, r: ResolvedRun, parts: AttackAnalysis[]): Promise<CeilingSearch> {
  const search = new CeilingSearch(r.commands, r.search, r.seconds);
  for (let rates = search.next(); rates && !r.signal?.aborted; rates = search.next()) {
    const a = await session.attack(rates, `ceiling step ${search.stepsRun + 1}`);
    parts.push(a);
    search.record(rates, observe(a));
  }
  return search;
}
