/** `tcim-harness load`: load / capacity check with vegeta (load/README.md). */
import { interruptExit, onInterrupt } from '../interrupt.ts';
import { appendHistory, HistoryInvalidError, formatSummary, historyFileFor, historyRecord, type LoadSummary, type TrackingOptions, newLoadRunId, LoadConfigError, LoadSetupError, mergeSummaries, parseCommandList, parseDuration, PROFILES, readSummary, runLoad, SummaryInvalidError, VegetaFailedError, writeReports } from '../../../load/index.ts';
import { dirname } from 'node:path';
import { parseCliArgs } from '../args.ts';
import { ConfigError } from '../../../src/client/config.ts';
import { redact } from '../../../src/core/redact.ts';
import { ErrorCodes } from '../../../src/errors/index.ts';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { parseWholeNumber } from '../../../src/core/numbers.ts';
import { join } from 'node:path';
import { APP_ENV, reportsBase } from '../../config/env-names.ts';

/** What the teardown of an interrupted run removed, in one line. */
function teardownLine(runId: string, leak: LoadSummary['leakCheck']): string {
  if (!leak) return `teardown of run ${runId}: nothing was created on the target, or the teardown could not finish (\`tcim-harness clean --run-id ${runId}\` removes what is left)`;
  const left = !leak.passed || (leak.leftoverAccounts ?? 0) > 0;
  return `teardown of run ${runId}: removed ${leak.accountsDeleted ?? 0} account(s) ld-${runId}-u… with their groups, marks and ${leak.sessionsDeleted} session(s), and the run's IM groups; ${left ? `something is left (${leak.examples.join('; ')}) — \`tcim-harness clean --run-id ${runId}\` removes it` : 'nothing left'}`;
}

const HELP = `Usage: tcim-harness load --profile NAME [options]
       tcim-harness load --scenario NAME [options]
       tcim-harness load merge DIR... [--out DIR] [--json]

Load / capacity check of the six v4/recentcontact/ commands (documented ceiling 200 calls/s each)
with vegeta (open model, constant rate). Without TCIM_BASE_URL the embedded emulator is used;
any other target needs TCIM_ALLOWED_SDKAPPIDS (production guard).

Profiles:
${Object.values(PROFILES).map((p) => `  ${p.name.padEnd(8)} ${p.description} (default ${p.defaultDurationMs / 1000}s, max ${p.maxDurationMs / 1000}s)`).join('\n')}

Options:
  --profile NAME        one of ${Object.keys(PROFILES).join(', ')} (required, unless --scenario)
  --scenario NAME       a scenario of load.scenarios of the config (stages, mix, journeys; load/README.md);
                        writes <report-dir>/scenario-NAME/; --duration, --rate, --commands do not apply
  --duration D          run length (ceiling: per step), whole seconds: 10s, 5m, 1h
  --rate N              per-command rate (mix: the total), whole calls/s
  --commands a,b        subset: get, search, mark, update, create, del (create and del go together)
  --segment i/n         run share i of n (rate/n, own users and randoms); merge with \`load merge\`
  --start-at T          start the attack at T (ISO time or +Ns), to align segments
  --run-id ID           run id (a-z0-9, ≤ 12), names the accounts ld-<ID>-u<i>
  --ceiling N           ceiling the expectations use (default load.ceiling of the config, else 200; soak runs at 90 % of it)
  --from/--to/--step/--resolution/--probe-rate N   ceiling search (default 150/250/10/2/300)
  --report-dir DIR      base of reports (default reports/load); writes <DIR>/<profile>/ and appends to <DIR>/../history/load.jsonl
  --baseline last|PATH  compare with an earlier run of the profile: last (newest in the history) or a history
                        .jsonl / summary.json; a figure beyond its tolerance fails the run (exit 1)
  --tolerance SPEC      e.g. p99=20%,ceiling=5%,throttled=5pt,latency-floor=10ms,p50=off (over load.tolerances of
                        the config; defaults achieved=1% accepted=5% p50/p95/p99=20% ceiling=5% throttled=5pt latency-floor=10ms)
  --push URL            PUT the run's metrics to a Prometheus Pushgateway (base URL); failure: exit 2
  --openmetrics FILE    write the run's metrics as an OpenMetrics text file
  --json                print summary.json instead of the table

Environment: TCIM_BASE_URL, TCIM_SDKAPPID, TCIM_ADMIN, TCIM_SECRET_KEY | TCIM_USERSIG,
TCIM_ALLOWED_SDKAPPIDS, TCIM_TIMEOUT_MS, TCIM_EXPECT_THROTTLE_CODE (default ${ErrorCodes.API_RATE_LIMITED}),
TCIM_EXPECT_THROTTLE_BURST (default 20), TCIM_VEGETA (default: .tools/bin/vegeta of a clone, else the per-user cache that \`tcim-harness setup\` fills).

Exit codes: 0 pass, 1 a threshold or a baseline figure failed, 2 configuration error or --push failed
(reports and history are written first), 3 inconclusive (target unreachable).

Examples:
  tcim-harness load --profile smoke
  tcim-harness load --profile over --duration 10s --commands get,search
  tcim-harness load --profile at --segment 1/2 --run-id r1 --start-at +15s   (and 2/2 elsewhere)
  tcim-harness load merge reports/load/at/segment-1-of-2 reports/load/at/segment-2-of-2`;

/** --baseline/--tolerance/--push/--openmetrics, with load.tolerances and load.baseline of the config (environment) under the flags. */
function trackingOptions(v: { baseline?: string; tolerance?: string; push?: string; openmetrics?: string }): TrackingOptions {
  const envTolerance = process.env[APP_ENV.LOAD_TOLERANCES];
  const baseline = v.baseline ?? process.env[APP_ENV.LOAD_BASELINE];
  const tolerances = [
    ...(envTolerance ? [{ spec: envTolerance, source: `load.tolerances of the config (${APP_ENV.LOAD_TOLERANCES})` }] : []),
    ...(v.tolerance !== undefined ? [{ spec: v.tolerance, source: '--tolerance' }] : []),
  ];
  return { ...(baseline ? { baseline } : {}), tolerances, ...(v.push !== undefined ? { push: v.push } : {}), ...(v.openmetrics !== undefined ? { openmetrics: v.openmetrics } : {}) };
}

/** --scenario NAME with the config's load.scenarios (TCIM_LOAD_SCENARIOS, JSON). */
function scenarioOptions(name: string, profile: string | undefined): { scenario: string; scenarios: Record<string, unknown> } {
  if (profile !== undefined) throw new LoadConfigError('--scenario and --profile: give one of them');
  const raw = process.env[APP_ENV.LOAD_SCENARIOS];
  let scenarios: Record<string, unknown> = {};
  try {
    if (raw) scenarios = JSON.parse(raw) as Record<string, unknown>;
  } catch (e) {
    throw new LoadConfigError(`${APP_ENV.LOAD_SCENARIOS} is not valid JSON (the config's load.scenarios): ${(e as Error).message}`);
  }
  return { scenario: name, scenarios };
}

/** An option given as --name N: a whole number (its range is checked with the run's other options). */
const intOpt = (v: string | undefined, name: string): number | undefined => (v === undefined ? undefined : parseWholeNumber(`--${name}`, v, { error: LoadConfigError }));

function parseSegment(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^([0-9]+)\/([0-9]+)$/.exec(v);
  if (!m) throw new LoadConfigError(`--segment must look like i/n (e.g. 1/2), got "${v}"`);
  return { index: parseWholeNumber('--segment index', m[1], { error: LoadConfigError }), count: parseWholeNumber('--segment count', m[2], { error: LoadConfigError }) };
}

function parseStartAt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (v.startsWith('+')) return Date.now() + parseDuration(v.slice(1), '--start-at');
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new LoadConfigError(`--start-at must be an ISO time or +Ns, got "${v}"`);
  return t;
}

async function merge(dirs: string[], out: string | undefined, json: boolean): Promise<number> {
  if (dirs.length === 0) throw new LoadConfigError('load merge needs the directories of the segment summaries');
  const merged = mergeSummaries(dirs.map(readSummary));
  const target = out ?? dirname(dirs[0] as string);
  const files = writeReports(target, merged);
  // The merged run is the whole run: it goes into the history (segments do not), next to <report base>/.
  const history = historyFileFor(dirname(target));
  appendHistory(history, historyRecord(merged));
  console.error(`tcim-harness load merge: run appended to ${history}`);
  console.log(json ? JSON.stringify(merged, null, 1) : formatSummary(merged, files));
  return merged.exitCode;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      profile: { type: 'string' },
      scenario: { type: 'string' },
      duration: { type: 'string' },
      rate: { type: 'string' },
      commands: { type: 'string' },
      segment: { type: 'string' },
      'start-at': { type: 'string' },
      'run-id': { type: 'string' },
      ceiling: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      step: { type: 'string' },
      resolution: { type: 'string' },
      'probe-rate': { type: 'string' },
      'report-dir': { type: 'string' },
      baseline: { type: 'string' },
      tolerance: { type: 'string' },
      push: { type: 'string' },
      openmetrics: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] === 'merge') return merge(positionals.slice(1), values.out, values.json === true);
  if (positionals.length) throw new LoadConfigError(`unexpected argument "${positionals[0]}" (did you mean \`load merge DIR…\`?)`);
  const search = Object.fromEntries(
    (['from', 'to', 'step', 'resolution'] as const).flatMap((k) => (values[k] === undefined ? [] : [[k, intOpt(values[k], k)]])),
  );
  if (values['probe-rate'] !== undefined) search.probeRate = intOpt(values['probe-rate'], 'probe-rate');
  const stop = new AbortController();
  // SIGINT/SIGTERM: stop the attack (vegeta, bounded), tear the run data down, report the partial run, exit 130/143.
  const runId = values['run-id'] ?? newLoadRunId();
  const leave = onInterrupt({ name: 'load', stop: () => stop.abort(), leftover: () => `accounts ld-${runId}-u… with their groups and marks, IM groups ld-${runId}-s…` });
  const res = await runLoad({
    signal: stop.signal,
    profile: values.profile ?? '',
    ...(values.scenario !== undefined ? scenarioOptions(values.scenario, values.profile) : {}),
    ...(values.duration ? { durationMs: parseDuration(values.duration) } : {}),
    ...(values.rate !== undefined ? { rate: intOpt(values.rate, 'rate') as number } : {}),
    commands: parseCommandList(values.commands),
    ...(values.segment ? { segment: parseSegment(values.segment) as { index: number; count: number } } : {}),
    ...(values['start-at'] ? { startAt: parseStartAt(values['start-at']) as number } : {}),
    runId,
    ...((values.ceiling ?? process.env[APP_ENV.LOAD_CEILING]) !== undefined ? { ceiling: intOpt(values.ceiling ?? process.env[APP_ENV.LOAD_CEILING], values.ceiling !== undefined ? 'ceiling' : 'ceiling (load.ceiling of the config, TCIM_LOAD_CEILING)') as number } : {}),
    search,
    reportDir: values['report-dir'] ?? join(reportsBase(), 'load'),
    ...trackingOptions(values),
    env: process.env,
  }).finally(leave);
  console.log(values.json ? JSON.stringify(res.summary, null, 1) : formatSummary(res.summary, res.files));
  if (res.tracked.pushError) console.error(`tcim-harness load: ${redact(res.tracked.pushError)} (exit 2)`);
  const interrupted = interruptExit();
  if (interrupted === undefined) return res.tracked.pushError ? Exit.CONFIG : res.exitCode;
  console.error(`tcim-harness load: ${teardownLine(runId, res.summary.leakCheck)}. Exit ${interrupted} (interrupted).`);
  return interrupted;
}

export const loadCommand: CliCommand = {
  name: 'load',
  summary: 'load / capacity check with vegeta: smoke, under, at, over, mix, ceiling, soak, or a scenario of the config',
  help: HELP,
  async run(argv: string[]): Promise<number> {
    try {
      return await run(argv);
    } catch (e) {
      const known = e instanceof ConfigError || e instanceof LoadSetupError || e instanceof VegetaFailedError || e instanceof SummaryInvalidError || e instanceof HistoryInvalidError;
      if (!known) throw e;
      console.error(`tcim-harness load: ${redact((e as Error).message)}`);
      return Exit.CONFIG;
    }
  },
};
