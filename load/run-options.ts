/** Options of a load run, validated into a resolved run (every problem is a LoadConfigError → exit 2). */
import { DEFAULT_CEILING_PARAMS, type CeilingParams } from './analyse/ceiling.ts';
import { DOCUMENTED_CEILING, LOAD_COMMANDS, LoadConfigError, type LoadCommand } from './plan/commands.ts';
import { checkRunId, newRunId } from './plan/user-pool.ts';
import { getProfile, MAX_RATE_PER_COMMAND, pairChurn, profileDuration, profileRates, type Profile } from './plan/profiles.ts';
import { MAX_SEGMENTS } from './plan/random.ts';
import { segmentRates, type Rates } from './plan/schedule.ts';
import { expectedBurst, expectedLimiter, expectedThrottleCode, throttleCodePinned } from './plan/tolerances.ts';
import type { LimiterShape } from '../src/rules/index.ts';
import { resolveVegeta } from './generate/vegeta.ts';
import { pickScenario, type Scenario } from './plan/scenario/define.ts';
import { checkScenarioOptions, scenarioPoolCreateRate, scenarioProfile, SCENARIO_PROFILE } from './plan/scenario/resolve.ts';
import { buildTimeline } from './plan/scenario/timeline.ts';
import type { TrackingOptions } from './track.ts';

type Env = Record<string, string | undefined>;

/** Baseline, history and metrics options (load/track.ts) come with TrackingOptions. */
export interface LoadRunOptions extends TrackingOptions {
  profile: string;
  /** Run this scenario of `scenarios` (the config's load.scenarios) instead of a profile. */
  scenario?: string;
  scenarios?: Record<string, unknown>;
  durationMs?: number;
  rate?: number;
  commands?: LoadCommand[];
  /** 1-based segment index of count. */
  segment?: { index: number; count: number };
  /** Base report directory (default reports/load). */
  reportDir?: string;
  runId?: string;
  /** Epoch ms at which the attack starts (aligns segments); at most 10 minutes ahead. */
  startAt?: number;
  /** Ceiling the expectations are judged against (default: documented 200/s). */
  ceiling?: number;
  search?: Partial<CeilingParams>;
  env?: Env;
  /** Partial config of the embedded emulator (tests and benchmarks). */
  emulatorConfig?: Record<string, unknown>;
  /** Progress and notes (stderr in the CLI). */
  log?: (line: string) => void;
  /** Stops the attack early; set-up data is still torn down and the partial run reported. */
  signal?: AbortSignal;
}

export interface ResolvedRun {
  profile: Profile;
  /** A scenario run (profile `scenario`): its checked definition. */
  scenario?: Scenario;
  seconds: number;
  commands: LoadCommand[];
  segment: { index: number; count: number };
  /** This segment's per-command rates (steady and soak). */
  rates: Rates;
  /** Per-command rates of all segments together: what the target's limiter sees. */
  wholeRates: Rates;
  /** Create rate the user pool is sized for (the same in every segment, so slices do not overlap). */
  poolCreateRate: number;
  runId: string;
  reportDir: string;
  startAt?: number;
  ceiling: number;
  search: CeilingParams;
  throttleCode: number;
  throttleCodePinned: boolean;
  limiter: LimiterShape;
  burst: number;
  vegeta: string;
  env: Env;
  signal?: AbortSignal;
}

const MAX_START_WAIT_MS = 10 * 60_000;

function checkSearch(p: CeilingParams): CeilingParams {
  const ok = [p.from, p.to, p.step, p.resolution].every((x) => Number.isInteger(x) && x >= 1 && x <= MAX_RATE_PER_COMMAND) && Number.isInteger(p.probeRate) && p.probeRate >= 0 && p.probeRate <= MAX_RATE_PER_COMMAND;
  if (!ok || p.from >= p.to) throw new LoadConfigError(`ceiling search needs whole numbers 1 ≤ from < to ≤ ${MAX_RATE_PER_COMMAND}, step ≥ 1, resolution ≥ 1; got from ${p.from}, to ${p.to}, step ${p.step}, resolution ${p.resolution}`);
  return p;
}

export function resolveRunOptions(o: LoadRunOptions): ResolvedRun {
  if (o.scenario !== undefined) return resolveScenarioRun(o);
  const profile = getProfile(o.profile);
  const env = o.env ?? process.env;
  const seconds = profileDuration(profile, o.durationMs);
  const commands = o.commands ?? [...LOAD_COMMANDS];
  const hasC = commands.includes('recentcontact/create_contact_group');
  const hasD = commands.includes('recentcontact/del_contact_group');
  if (hasC !== hasD) throw new LoadConfigError('--commands: create and del are paired (each del removes what a create made a second earlier): select both or neither');
  const segment = o.segment ?? { index: 1, count: 1 };
  if (!Number.isInteger(segment.count) || segment.count < 1 || segment.count > MAX_SEGMENTS || !Number.isInteger(segment.index) || segment.index < 1 || segment.index > segment.count) {
    throw new LoadConfigError(`--segment must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SEGMENTS}, got ${segment.index}/${segment.count}`);
  }
  if (profile.kind === 'ceiling' && segment.count > 1) throw new LoadConfigError('--segment is not available for the ceiling search (each step depends on the previous one); run it from one machine');
  const ceiling = o.ceiling ?? DOCUMENTED_CEILING;
  if (!Number.isInteger(ceiling) || ceiling < 1 || ceiling > MAX_RATE_PER_COMMAND) throw new LoadConfigError(`--ceiling must be a whole number from 1 to ${MAX_RATE_PER_COMMAND}`);
  const whole = profile.kind === 'ceiling' ? {} : pairChurn(profileRates(profile, commands, o.rate, ceiling));
  const rates = segmentRates(whole, segment.index - 1, segment.count);
  if (profile.kind !== 'ceiling' && Object.values(rates).every((r) => !r)) throw new LoadConfigError(`segment ${segment.index}/${segment.count} gets no calls at this rate; use fewer segments or a higher --rate`);
  const search = checkSearch({ ...DEFAULT_CEILING_PARAMS, probeRate: Math.round(1.5 * (o.ceiling ?? DOCUMENTED_CEILING)), ...o.search });
  if (o.startAt !== undefined && (!Number.isFinite(o.startAt) || o.startAt - Date.now() > MAX_START_WAIT_MS)) throw new LoadConfigError('--start-at must be a time within the next 10 minutes');
  const runId = o.runId === undefined ? newRunId() : checkRunId(o.runId);
  const base = o.reportDir ?? 'reports/load';
  const reportDir = segment.count > 1 ? `${base}/${profile.name}/segment-${segment.index}-of-${segment.count}` : `${base}/${profile.name}`;
  const create = profile.kind === 'ceiling' ? (hasC ? Math.max(search.to, search.probeRate) : 0) : (whole['recentcontact/create_contact_group'] ?? 0);
  return {
    profile,
    seconds,
    commands,
    segment,
    rates,
    wholeRates: whole,
    poolCreateRate: Math.ceil(create / segment.count),
    runId,
    reportDir,
    ...(o.startAt === undefined ? {} : { startAt: o.startAt }),
    ceiling,
    search,
    throttleCode: expectedThrottleCode(env),
    throttleCodePinned: throttleCodePinned(env),
    limiter: expectedLimiter(env),
    burst: expectedBurst(env),
    vegeta: resolveVegeta(env),
    env,
    ...(o.signal ? { signal: o.signal } : {}),
  };
}

/** A scenario run: the common options as for a profile, then the scenario's own timeline, pool and report folder. */
function resolveScenarioRun(o: LoadRunOptions): ResolvedRun {
  const { scenario: name, scenarios, durationMs: _d, rate: _r, commands: _c, ...rest } = o;
  const sc = pickScenario(scenarios, name as string);
  checkScenarioOptions(o, LOAD_COMMANDS.length);
  const common = resolveRunOptions({ ...rest, profile: 'smoke' });
  const tl = buildTimeline(sc);
  const planned = (c: LoadCommand): number => tl.perCommand.reduce((n, p) => n + (p[c] ?? 0), 0);
  const average: Rates = Object.fromEntries(LOAD_COMMANDS.filter((c) => planned(c) > 0).map((c) => [c, planned(c) / sc.seconds]));
  const reportDir = `${o.reportDir ?? 'reports/load'}/${SCENARIO_PROFILE}-${sc.name}`;
  return { ...common, profile: scenarioProfile(sc), scenario: sc, seconds: sc.seconds, commands: Object.keys(average) as LoadCommand[], rates: average, wholeRates: average, poolCreateRate: scenarioPoolCreateRate(sc, tl), reportDir };
}

/** Upper bound of the run's length in seconds (for the UserSig expiry). */
export function runSecondsBound(r: ResolvedRun): number {
  const attacks = r.profile.kind === 'ceiling' ? 40 : 1;
  return attacks * (r.seconds + 120) + 600;
}
