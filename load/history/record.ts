/**
 * One line of reports/history/load.jsonl: a load run of one profile reduced to the figures a later run
 * is compared with (schemas/history.schema.json). Built from the run's summary; a summary.json given as
 * a baseline is read through the same function, so both sources compare alike.
 */
import type { LoadSummary } from '../report/summary.ts';

export interface HistoryCommand {
  targetRate: number;
  achievedRate: number;
  /** OK answers per second: achieved rate × OK answers / calls. */
  acceptedRate: number;
  latencyMs: { p50: number; p95: number; p99: number };
  throttledShare: number;
  /** Ceiling profile: sustained rate of the probe, else the first throttled step; null otherwise. */
  ceiling: number | null;
}

export interface HistoryRecord {
  schemaVersion: 1;
  kind: 'tcim-load-history';
  runId: string;
  profile: string;
  startedAt: string;
  target: 'emulator' | 'staging';
  variant?: string | null;
  durationSeconds: number;
  verdict: 'pass' | 'fail' | 'inconclusive';
  commands: Record<string, HistoryCommand>;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The ceiling found for one command of a ceiling run (sustained rate, else the first throttled step). */
export function ceilingOf(s: LoadSummary, command: string): number | null {
  const f = s.ceiling?.perCommand[command];
  return f ? (f.sustained ?? f.high ?? null) : null;
}

export function historyRecord(s: LoadSummary): HistoryRecord {
  const commands: Record<string, HistoryCommand> = {};
  for (const [name, c] of Object.entries(s.commands)) {
    commands[name] = {
      targetRate: c.targetRate,
      achievedRate: r3(c.achievedRate),
      acceptedRate: r3(c.calls ? (c.achievedRate * c.ok) / c.calls : 0),
      latencyMs: { p50: c.latencyMs.p50, p95: c.latencyMs.p95, p99: c.latencyMs.p99 },
      throttledShare: c.throttledShare,
      ceiling: ceilingOf(s, name),
    };
  }
  return {
    schemaVersion: 1,
    kind: 'tcim-load-history',
    runId: s.runIds.join(','),
    profile: historyProfile(s.profile, s.scenario?.name),
    startedAt: s.startedAt,
    // The target's kind only: its address may carry an app id a team does not want in a shared history.
    target: s.target.kind === 'remote' ? 'staging' : 'emulator',
    ...(s.target.kind === 'remote' ? {} : { variant: s.target.variant ?? null }),
    durationSeconds: s.expectation.seconds,
    verdict: s.verdict,
    commands,
  };
}

/** The name a run goes under in the history: its profile, or scenario.<name> for a scenario of the config. */
export const historyProfile = (profile: string, scenario?: string): string => (scenario === undefined ? profile : `${profile}.${scenario}`);
