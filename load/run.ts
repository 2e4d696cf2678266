/**
 * `runLoad`: one load run end to end — resolve options and target, set up run data, attack (one
 * steady attack or the ceiling steps), tear down and leak-check, judge, write reports/load/<profile>/.
 * Exit codes: 0 pass, 1 a threshold failed, 3 inconclusive (target unreachable); configuration
 * errors (2) are thrown as LoadConfigError / ConfigError before anything is judged.
 */
import { InconclusiveError, redact } from '../src/client/index.ts';
import type { AttackAnalysis } from './analyse/analyse.ts';
import type { CeilingSearch } from './analyse/ceiling.ts';
import { runCeiling } from './ceiling-run.ts';
import { EmulatorControlClient } from '../src/emulator/index.ts';
import type { LeakReport } from './setup/fixtures.ts';
import { writeReports } from './report/report.ts';
import { ceilingChecks, leakCheck, matchedCheck, soakDrift } from './run-checks.ts';
import { resolveRunOptions, runSecondsBound, type LoadRunOptions, type ResolvedRun } from './run-options.ts';
import { Session } from './session.ts';
import { mergeStatMaps } from './analyse/stats-merge.ts';
import { buildSummary, type LoadSummary, type RunFacts } from './report/summary.ts';
import { resolveTarget, type ResolvedTarget } from './generate/resolve-target.ts';
import { judgeAll, type CheckResult, type RunExpectation } from './analyse/thresholds.ts';
import { vegetaVersion } from './generate/vegeta.ts';
import { attackScenario, scenarioBlock, scenarioChecks, type ScenarioOutcome } from './scenario-run.ts';
import { judgeBaseline, prepareTracking, recordRun, type TrackResult } from './track.ts';
import { historyProfile } from './history/record.ts';

export type { LoadRunOptions } from './run-options.ts';

export interface LoadRunResult {
  exitCode: 0 | 1 | 3;
  summary: LoadSummary;
  dir: string;
  files: { summary: string; junit: string; html: string };
  /** History line, metrics file and push of the run; `pushError` set when the push failed (the CLI exits 2). */
  tracked: TrackResult;
}

const NOTES = [
  'Every target carries a unique `random`: random = segmentBase + ((index × 0x9E3779B1 + offset) mod 2^m), a bijection, so each result URL maps back to exactly one planned operation (the random → operation map).',
  'create/del churn: create k makes `ld-s<slot>` of a pooled user, del k removes the group of create k − L (L = create rate × 1 s); warm-up groups for the first L dels are made in set-up. Consequences (a del answering CONTACT_GROUP_NOT_FOUND after its create was throttled, a create answering the duplicate-name code after the slot’s del was throttled) are counted apart, by replaying every churn answer in operation order.',
  'vegeta results hold signed URLs; they are written to a private temp file and deleted after analysis.',
];

export async function runLoad(o: LoadRunOptions): Promise<LoadRunResult> {
  const r = resolveRunOptions(o);
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const version = vegetaVersion(r.vegeta);
  // A scenario's history is its own: scenario.<name>, compared only with earlier runs of the same scenario.
  const track = prepareTracking(o, r.scenario ? historyProfile('scenario', r.scenario.name) : r.profile.name, o.reportDir ?? 'reports/load', r.segment.count > 1);
  if (track.notice) log(track.notice);
  if (track.baseline) log(`baseline: run ${track.baseline.record.runId} of ${track.baseline.record.startedAt} (${track.baseline.source})`);
  const startedAt = new Date().toISOString();
  const target = await resolveTarget(r.env, runSecondsBound(r), o.emulatorConfig);
  const session = new Session(r, target, log);
  const parts: AttackAnalysis[] = [];
  let search: CeilingSearch | undefined;
  let inconclusive: string | undefined;
  let teardown: { report: LeakReport | null; error?: string } = { report: null };
  let emuStats: unknown = null;
  let scen: ScenarioOutcome | undefined;
  try {
    await session.setup();
    // Interrupted during set-up: no attack, straight to the teardown.
    if (r.signal?.aborted) inconclusive = 'interrupted before the attack started';
    else if (r.profile.kind === 'ceiling') search = await runCeiling(session, r, parts);
    else if (r.scenario) parts.push((scen = await attackScenario(session, r)).analysis);
    else parts.push(await session.attack(r.rates, r.profile.name));
  } catch (e) {
    if (!(e instanceof InconclusiveError)) throw e;
    inconclusive = `inconclusive: ${redact(e.message)}`;
  } finally {
    // A run stopped by a signal has counts of an attack cut short: nothing to judge them against.
    if (r.signal?.aborted) inconclusive ??= 'interrupted by a signal: the attack was stopped early; the counts cover only what was sent';
    teardown = await session.teardown();
    if (target.emulator) emuStats = await new EmulatorControlClient(target.config.baseUrl).stats().catch(() => null);
    await target.close();
  }
  const stats = mergeStatMaps(parts.map((p) => p.stats), 'sequential');
  const expectation: RunExpectation = { expectation: r.profile.expectation, ceiling: r.ceiling, burst: r.burst, seconds: r.seconds, throttleCode: r.throttleCode, throttleCodePinned: r.throttleCodePinned, limiter: r.limiter, serverRates: r.wholeRates };
  const checks: CheckResult[] = inconclusive ? [] : scen ? scenarioChecks(scen, r) : judgeAll(stats, expectation);
  const soak = r.profile.kind === 'soak' && !inconclusive ? [...stats.values()].map((s) => soakDrift(s, r.seconds)) : [];
  if (!inconclusive) {
    checks.push(matchedCheck(parts.reduce((n, p) => n + p.unmatched, 0), parts.reduce((n, p) => n + p.results, 0)));
    if (search) checks.push(...ceilingChecks(search.findings, r.ceiling));
    for (const d of soak) checks.push({ name: d.name, command: d.command, passed: d.passed, observed: d.observed, expected: d.expected });
  }
  if (session.pool.touched) checks.push(leakCheck(teardown.report, teardown.error));
  const facts = { ...runFacts(r, target, session, { startedAt, version, teardown: teardown.report, emuStats, search, soak, inconclusive }), ...(scen ? { scenario: scenarioBlock(scen) } : {}) };
  const judged = buildSummary(facts, stats, checks);
  const baseline = judgeBaseline(track, judged, o.baseline !== undefined);
  const summary = baseline ? buildSummary({ ...facts, baseline: baseline.block }, stats, [...checks, ...baseline.checks]) : judged;
  const files = writeReports(r.reportDir, summary);
  const tracked = await recordRun(track, summary, log);
  return { exitCode: summary.exitCode, summary, dir: r.reportDir, files, tracked };
}

interface Extra {
  startedAt: string;
  version: string;
  teardown: LeakReport | null;
  emuStats: unknown;
  search: CeilingSearch | undefined;
  soak: ReturnType<typeof soakDrift>[];
  inconclusive: string | undefined;
}

function runFacts(r: ResolvedRun, target: ResolvedTarget, session: Session, x: Extra): RunFacts {
  const wall = session.attackWall;
  const pct = (cpu: number | null): number | null => (cpu === null || wall <= 0 ? null : Math.round((cpu / wall) * 1000) / 10);
  const emuPct = pct(session.emulatorCpu);
  const notes = [...NOTES];
  if (r.signal?.aborted) notes.unshift('Interrupted: the attack was stopped early (SIGINT/SIGTERM); the counts cover only what was sent.');
  if (target.kind === 'remote') notes.push(`Run accounts ld-${r.runId}-u… are deleted after their conversation groups, marks, sessions and the run's IM groups (account_delete); a deleted UserID cannot be re-imported for 3 months, so never reuse a run id on staging.`);
  return {
    profile: r.profile.name,
    description: r.profile.description,
    runIds: [r.runId],
    segments: [r.segment],
    merged: false,
    target: { kind: target.kind, baseUrl: redact(target.config.baseUrl), sdkappid: target.config.sdkappid, ...(target.emulator ? { variant: target.emulator.variant } : {}) },
    startedAt: x.startedAt,
    finishedAt: new Date().toISOString(),
    expectation: { kind: r.profile.expectation, documentedCeiling: r.ceiling, burst: r.burst, throttleCode: r.throttleCode, throttleCodePinned: r.throttleCodePinned, limiter: r.limiter, seconds: r.seconds, serverRates: { ...r.wholeRates } as Record<string, number> },
    generator: { tool: 'vegeta', version: x.version, cpuSeconds: session.generatorCpu, cpuPercent: pct(session.generatorCpu), workers: session.workers, maxWorkers: session.maxWorkers, attacks: session.attacks },
    emulator: target.emulator ? { cpuSeconds: session.emulatorCpu, cpuPercent: emuPct, headroom: emuPct ? Math.round((100 / emuPct) * 10) / 10 : null, stats: x.emuStats } : null,
    leakCheck: x.teardown,
    ceiling: x.search ? { params: { ...r.search }, perCommand: Object.fromEntries(x.search.findings) } : null,
    soak: x.soak.length ? Object.fromEntries(x.soak.map((d) => [d.command, { firstP95: d.firstP95, lastP95: d.lastP95, firstErrors: d.firstErrors, lastErrors: d.lastErrors, windowSeconds: d.windowSeconds }])) : null,
    notes,
    ...(x.inconclusive ? { inconclusive: x.inconclusive } : {}),
  };
}
