/**
 * summary.json: the machine-readable result of a load run (shape: load/summary-schema.json, checked
 * before writing). Built from per-command statistics, checks and run facts; merge.ts rebuilds one
 * from several segment summaries.
 */
import type { LimiterShape } from '../../src/rules/index.ts';
import { fileURLToPath } from 'node:url';
import { fileValidator } from '../../src/schema/index.ts';
import type { CeilingFinding, CeilingParams } from '../analyse/ceiling.ts';
import { combineShapes, detectShape, SHAPE_NAMES, type ObservedShape, type ShapeFinding } from '../analyse/shape.ts';
import { commandAlias, type LoadCommand } from '../plan/commands.ts';
import type { LeakReport } from '../setup/fixtures.ts';
import type { Expectation, ProfileName } from '../plan/profiles.ts';
import { type CommandStats, type CommandStatsJson, total } from '../analyse/stats.ts';
import type { CheckResult } from '../analyse/thresholds.ts';
import { throttleShareBand, TOLERANCES, TOLERANCE_NOTES } from '../plan/tolerances.ts';

export interface CommandSummary extends CommandStatsJson {
  shortName: string;
  throttledShare: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  latenessMs: { p99: number; max: number };
  expectedThrottledShare: { expected: number; low: number; high: number } | null;
  /** The limiter shape this command's throttle answers showed (a ceiling run: its most throttled step). */
  limiterShape?: ShapeFinding;
}

export interface RunFacts {
  profile: ProfileName | 'scenario';
  description: string;
  runIds: string[];
  segments: { index: number; count: number }[];
  merged: boolean;
  target: { kind: 'embedded-emulator' | 'remote'; baseUrl: string; sdkappid: number; variant?: string | null };
  startedAt: string;
  finishedAt: string;
  expectation: { kind: Expectation; documentedCeiling: number; burst: number; throttleCode: number; throttleCodePinned?: boolean; limiter?: LimiterShape; seconds: number; serverRates: Record<string, number> };
  generator: { tool: 'vegeta'; version: string; cpuSeconds: number | null; cpuPercent: number | null; workers: number; maxWorkers: number; attacks: number };
  emulator: { cpuSeconds: number | null; cpuPercent: number | null; headroom: number | null; stats: unknown } | null;
  leakCheck: LeakReport | null;
  ceiling: { params: CeilingParams; perCommand: Record<string, CeilingFinding> } | null;
  soak: Record<string, { firstP95: number; lastP95: number; firstErrors: number; lastErrors: number; windowSeconds: number }> | null;
  notes: string[];
  /** Set when the run could not judge anything (target unreachable). */
  inconclusive?: string;
  /** A scenario run: stages with planned and achieved rates (generator and emulator side), journeys. */
  scenario?: ScenarioBlock;
  /** The comparison with an earlier run (`--baseline`), when one was asked for. */
  baseline?: BaselineBlock;
}

export interface ScenarioStageCommand {
  planned: number;
  targetRate: number;
  calls: number;
  achievedRate: number;
  ok: number;
  throttled: number;
  /** Arrivals the embedded emulator counted within the stage's time window (null: another target). */
  emulatorCalls: number | null;
  emulatorRate: number | null;
}

export interface ScenarioBlock {
  name: string;
  seconds: number;
  attackRate: number;
  fillers: number;
  startMs: number;
  stages: { index: number; start: number; seconds: number; from: number; to: number; startMs: number; commands: Record<string, ScenarioStageCommand> }[];
  journeys: { name: string; steps: string[]; rate: number; started: number }[];
}

/** Figures a baseline compares per command (load/history/compare.ts). */
export type BaselineFigure = 'achieved_rate' | 'accepted_rate' | 'p50' | 'p95' | 'p99' | 'throttled_share' | 'ceiling';

export interface BaselineComparison {
  command: string;
  figure: BaselineFigure;
  baseline: number;
  current: number;
  /** Relative change (current − baseline) / baseline, or for throttled_share the change in share points (0..1). */
  change: number;
  passed: boolean;
  /** "p99 3.1 → 64.2 ms (+1971 %, allowed +20 % and ≥ 10 ms)". */
  text: string;
}

export interface BaselineBlock {
  /** The run compared against (null: none found, see notes). */
  against: { runId: string; startedAt: string; profile: string; target: string; source: string } | null;
  /** Tolerances used: percent for relative figures, points for throttled share, ms for the latency floor. */
  tolerances: Record<string, number | null>;
  comparisons: BaselineComparison[];
  notes: string[];
}

export interface LoadSummary extends Omit<RunFacts, 'inconclusive'> {
  schemaVersion: 1;
  kind: 'tcim-load-summary';
  verdict: 'pass' | 'fail' | 'inconclusive';
  exitCode: 0 | 1 | 3;
  reason: string | null;
  totals: Record<'calls' | 'plannedCalls' | 'ok' | 'throttled' | 'contractErrors' | 'consequences' | 'perItemFailures' | 'transportErrors' | 'httpNon200' | 'late' | 'schemaSampled' | 'schemaViolations', number> & {
    targetRate: number;
    achievedRate: number;
    throttledShare: number;
  };
  commands: Record<string, CommandSummary>;
  /** The limiter shape the run observed, over all commands. */
  observedLimiter?: { shape: ObservedShape; text: string };
  checks: CheckResult[];
  tolerances: { values: Record<string, number>; notes: string[] };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function commandSummary(s: CommandStats, e: RunFacts['expectation'], shape?: ShapeFinding): CommandSummary {
  const lat = s.latency;
  return {
    ...s.toJSON(),
    shortName: commandAlias(s.command),
    throttledShare: s.calls ? r3(s.throttled / s.calls) : 0,
    latencyMs: { p50: r3(lat.percentile(50)), p95: r3(lat.percentile(95)), p99: r3(lat.percentile(99)), max: r3(lat.maxMs), mean: r3(lat.mean()) },
    latenessMs: { p99: r3(s.lateness.percentile(99)), max: r3(s.lateness.maxMs) },
    expectedThrottledShare: e.kind === 'throttled-share' ? throttleShareBand(e.serverRates[s.command] ?? s.targetRate, e.documentedCeiling, e.burst, e.seconds, e.limiter ?? 'gcra') : null,
    limiterShape: shape ?? detectShape(s.phase.toJSON()),
  };
}

/** The shape over all commands: the one they agree on, with each command's evidence. */
export function observedLimiter(commands: CommandSummary[]): { shape: ObservedShape; text: string } {
  const found = commands.flatMap((c) => (c.limiterShape ? [{ c, f: c.limiterShape }] : []));
  const shape = combineShapes(found.map((x) => x.f));
  const seen = found.filter((x) => x.f.shape !== 'undetermined');
  const detail = seen.length ? seen.map((x) => `${x.c.shortName}: ${SHAPE_NAMES[x.f.shape]}${x.f.eta2 === null ? '' : ` (η² ${x.f.eta2})`}`).join(', ') : 'no command had enough throttle answers';
  const lead = shape === 'undetermined' ? (seen.length ? 'undetermined (the commands disagree)' : 'undetermined') : SHAPE_NAMES[shape];
  return { shape, text: `limiter shape observed: ${lead} — ${detail}` };
}

export function buildSummary(facts: RunFacts, stats: Map<LoadCommand, CommandStats>, checks: CheckResult[]): LoadSummary {
  const { inconclusive, ...rest } = facts;
  const list = [...stats.values()];
  const sum = (f: (s: CommandStats) => number): number => list.reduce((n, s) => n + f(s), 0);
  const calls = sum((s) => s.calls);
  const failed = checks.filter((c) => !c.passed);
  const unreachable = inconclusive ?? (calls > 0 && sum((s) => total(s.transportErrors)) === calls ? 'every call failed at the transport level: the target is unreachable' : undefined);
  const verdict = unreachable ? 'inconclusive' : failed.length ? 'fail' : 'pass';
  const commands = list.map((s) => commandSummary(s, facts.expectation, facts.ceiling?.perCommand[s.command]?.shape));
  return {
    schemaVersion: 1,
    kind: 'tcim-load-summary',
    ...rest,
    verdict,
    exitCode: verdict === 'pass' ? 0 : verdict === 'fail' ? 1 : 3,
    reason: unreachable ?? (failed.length ? `${failed.length} check(s) failed: ${[...new Set(failed.map((c) => c.name))].join(', ')}` : null),
    totals: {
      calls,
      plannedCalls: sum((s) => s.plannedCalls),
      targetRate: sum((s) => s.targetRate),
      achievedRate: r3(sum((s) => s.achievedRate)),
      ok: sum((s) => s.ok),
      throttled: sum((s) => s.throttled),
      throttledShare: calls ? r3(sum((s) => s.throttled) / calls) : 0,
      contractErrors: sum((s) => total(s.contractErrors)),
      consequences: sum((s) => total(s.consequences)),
      perItemFailures: sum((s) => total(s.perItemFailures)),
      transportErrors: sum((s) => total(s.transportErrors)),
      httpNon200: sum((s) => total(s.httpNon200)),
      late: sum((s) => s.late),
      schemaSampled: sum((s) => s.schema.sampled),
      schemaViolations: sum((s) => s.schema.violations),
    },
    commands: Object.fromEntries(commands.map((c) => [c.command, c])),
    observedLimiter: observedLimiter(commands),
    checks,
    tolerances: { values: { ...TOLERANCES }, notes: [...TOLERANCE_NOTES] },
  };
}

/** `; N accounts deleted` (plus `, K still present`) for the leak-check lines; '' for summaries written before account deletion. */
export const leakAccountsText = (r: LeakReport): string =>
  r.accountsDeleted === undefined ? '' : `; ${r.accountsDeleted} accounts deleted${r.leftoverAccounts ? `, ${r.leftoverAccounts} still present` : ''}`;

const SCHEMA_FILE = fileURLToPath(new URL('./summary-schema.json', import.meta.url));

/** Problems of a summary against load/summary-schema.json ([] when valid). */
export function summaryProblems(summary: unknown): string[] {
  const validator = fileValidator(SCHEMA_FILE);
  if (validator(summary)) return [];
  return (validator.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
