/** A checked scenario as a run: its pseudo-profile (`scenario`), its pool size, and the option checks. */
import { LoadConfigError } from '../commands.ts';
import type { Profile } from '../profiles.ts';
import type { Scenario } from './define.ts';
import { journeyUsers } from './journeys.ts';
import { buildTimeline, type Timeline } from './timeline.ts';

export const SCENARIO_PROFILE = 'scenario' as const;

export function scenarioProfile(sc: Scenario): Profile {
  return { name: SCENARIO_PROFILE, description: sc.description, kind: 'steady', expectation: 'zero-throttled', defaultRate: 0, rateIsTotal: true, defaultDurationMs: sc.seconds * 1000, maxDurationMs: sc.seconds * 1000 };
}

/**
 * The create rate the user pool is sized for: the mix's churn, and enough users that a journey group
 * slot comes round again only after its journey ended (Pool gives usersFor(r) ≥ r / 5 users).
 */
export function scenarioPoolCreateRate(sc: Scenario, tl: Timeline = buildTimeline(sc)): number {
  const longest = Math.max(0, ...sc.journeys.map((j) => j.steps.length));
  const users = sc.journeys.length ? journeyUsers(tl.journeysPerSecond, longest) : 0;
  return Math.max(tl.maxMixCreate, 5 * users);
}

/** Options that a scenario defines itself (or that need one machine) are refused, naming the option. */
export function checkScenarioOptions(o: { durationMs?: number; rate?: number; commands?: unknown[]; segment?: { count: number } }, allCommands: number): void {
  const given = [o.durationMs !== undefined && '--duration', o.rate !== undefined && '--rate', o.commands !== undefined && o.commands.length !== allCommands && '--commands'].filter(Boolean);
  if (given.length) throw new LoadConfigError(`${given.join(', ')}: a scenario sets its own stages, rates and commands (load.scenarios of the config); drop the option or use --profile`);
  if ((o.segment?.count ?? 1) > 1) throw new LoadConfigError('--segment is not available for a scenario yet: its seconds differ, so segments would need the whole timeline split; run it from one machine');
}
