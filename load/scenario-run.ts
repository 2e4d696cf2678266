/**
 * A scenario run: one attack of the scenario's plan (filler hits on a loopback sink keep vegeta at its
 * constant pace), the arrivals the embedded emulator counted, and the verdicts per stage — the built-in
 * profiles' thresholds (analyse/thresholds.ts) per stage and command, with the expectation the stage's
 * planned rate of that command gives: at or under the ceiling nothing may be throttled; over it, the
 * throttled share must sit in its band (a ramp's band from its per-second rates).
 */
import { EmulatorControlClient, arrivalsBetween, type ArrivalWindow } from '../src/emulator/index.ts';
import type { AttackAnalysis } from './analyse/analyse.ts';
import type { CommandStats } from './analyse/stats.ts';
import { judgeCommand, type CheckResult, type RunExpectation } from './analyse/thresholds.ts';
import { startSink } from './generate/sink.ts';
import type { LoadCommand } from './plan/commands.ts';
import { ScenarioPlan } from './plan/scenario/plan.ts';
import { limiterAllowance, TOLERANCES } from './plan/tolerances.ts';
import type { ScenarioBlock } from './report/summary.ts';
import type { ResolvedRun } from './run-options.ts';
import type { Session } from './session.ts';

export interface ScenarioOutcome {
  plan: ScenarioPlan;
  analysis: AttackAnalysis;
  /** The emulator's arrival counts over the attack (null: another target, or it could not be read). */
  arrivals: ArrivalWindow | null;
}

export async function attackScenario(session: Session, r: ResolvedRun): Promise<ScenarioOutcome> {
  const sc = r.scenario;
  if (!sc) throw new RangeError('not a scenario run');
  const plan = new ScenarioPlan({ scenario: sc, pool: session.pool, codec: session.codec, firstIndex: session.firstIndex });
  const stages = sc.stages.map((s) => (s.from === s.to ? `${s.seconds}s at ${s.from}/s` : `${s.seconds}s ramp ${s.from}→${s.to}/s`)).join(', ');
  const journeys = sc.journeys.map((j) => `${j.name} ${j.rate}/s × ${j.steps.length} steps`).join(', ');
  const sink = await startSink();
  try {
    const analysis = await session.attackPlan(plan, `scenario ${sc.name}: ${stages}${journeys ? `; journeys ${journeys}` : ''} (vegeta at ${plan.schedule.total}/s, spare slots to a loopback sink)`, sink.url);
    const emu = session.target.emulator ? new EmulatorControlClient(session.target.config.baseUrl) : undefined;
    const from = analysis.baselineMs - 1000;
    const arrivals = emu ? await emu.arrivals(from, analysis.baselineMs + (plan.seconds + 1) * 1000).catch(() => null) : null;
    return { plan, analysis, arrivals };
  } finally {
    await sink.close();
  }
}

/** Per-second planned calls of `c` in stage `i`. */
function perSecond(out: ScenarioOutcome, i: number, c: LoadCommand): number[] {
  const st = out.plan.scenario.stages[i];
  if (!st) return [];
  return Array.from({ length: st.seconds }, (_, k) => out.plan.timeline.perCommand[st.start + k]?.[c] ?? 0);
}

/** The throttled share of a stage whose rate of the command changes second by second (a ramp over the ceiling). */
function varyingShare(s: CommandStats, counts: number[], e: RunExpectation): Omit<CheckResult, 'name' | 'command'> {
  const sum = counts.reduce((n, x) => n + x, 0);
  const expected = sum ? counts.reduce((n, x) => n + Math.max(0, x - e.ceiling), 0) / sum : 0;
  const low = Math.max(0, expected - limiterAllowance(e.ceiling, e.burst, e.limiter) / Math.max(1, sum) - TOLERANCES.throttleShareSlack);
  const high = Math.min(1, expected + TOLERANCES.throttleShareSlack + (s.calls ? s.late / s.calls : 0));
  const share = s.calls ? s.throttled / s.calls : 0;
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
  return { passed: share >= low && share <= high, observed: `${pct(share)} (${s.throttled}/${s.calls})`, expected: `${pct(expected)} (Σ max(0, r − C) / Σ r over the stage's seconds), band ${pct(low)} – ${pct(high)}` };
}

export function scenarioChecks(out: ScenarioOutcome, r: ResolvedRun): CheckResult[] {
  const checks: CheckResult[] = [];
  const over = new Set<LoadCommand>();
  out.analysis.stages?.forEach((m, i) => {
    const seconds = out.plan.scenario.stages[i]?.seconds ?? 1;
    const overNow = new Set<LoadCommand>();
    for (const [c, s] of m) {
      if (s.plannedCalls === 0 && s.calls === 0) continue;
      const counts = perSecond(out, i, c);
      const peak = Math.max(0, ...counts);
      const steady = counts.every((x) => x === counts[0]);
      if (peak > r.ceiling) overNow.add(c);
      const e: RunExpectation = { expectation: peak > r.ceiling ? 'throttled-share' : 'zero-throttled', ceiling: r.ceiling, burst: r.burst, seconds, throttleCode: r.throttleCode, throttleCodePinned: r.throttleCodePinned, limiter: r.limiter, serverRates: { [c]: peak } };
      for (const res of judgeCommand(s, e)) {
        let v: CheckResult = res;
        if (res.name === 'throttled_share' && !steady) v = { ...res, ...varyingShare(s, counts, e) };
        // right after a stage over the ceiling the limiter may still refuse what it allows over a window
        if (over.has(c) && (res.name === 'zero_throttled' || res.name === 'no_consequences')) {
          const allowance = limiterAllowance(r.ceiling, r.burst, r.limiter);
          v = res.name === 'no_consequences' ? { ...res, passed: true, expected: `${res.expected} (not judged: the stage before went over the ceiling)` } : { ...res, name: 'throttled_recovery', passed: s.throttled <= allowance, expected: `≤ ${allowance} (the limiter recovering from the stage before, which went over the ceiling)` };
        }
        checks.push({ ...v, name: `stage${i}_${v.name}` });
      }
    }
    over.clear();
    for (const c of overNow) over.add(c);
  });
  return checks;
}

export function scenarioBlock(out: ScenarioOutcome): ScenarioBlock {
  const sc = out.plan.scenario;
  const base = out.analysis.baselineMs;
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    name: sc.name,
    seconds: sc.seconds,
    attackRate: out.plan.schedule.total,
    fillers: out.analysis.fillers ?? 0,
    startMs: base,
    stages: sc.stages.map((st, i) => {
      const startMs = base + st.start * 1000;
      const emu = out.arrivals ? arrivalsBetween(out.arrivals, startMs, startMs + st.seconds * 1000) : null;
      const commands: ScenarioBlock['stages'][number]['commands'] = {};
      for (const [c, s] of out.analysis.stages?.[i] ?? []) {
        if (s.plannedCalls === 0 && s.calls === 0) continue;
        const n = emu ? (emu[c] ?? 0) : null;
        commands[c] = { planned: s.plannedCalls, targetRate: r3(s.targetRate), calls: s.calls, achievedRate: r3(s.achievedRate), ok: s.ok, throttled: s.throttled, emulatorCalls: n, emulatorRate: n === null ? null : r3(n / st.seconds) };
      }
      return { index: i, start: st.start, seconds: st.seconds, from: st.from, to: st.to, startMs, commands };
    }),
    journeys: sc.journeys.map((j) => ({ name: j.name, steps: j.steps.map((c) => c.split('/')[1] as string), rate: j.rate, started: j.rate * Math.max(0, sc.seconds - j.steps.length + 1) })),
  };
}
