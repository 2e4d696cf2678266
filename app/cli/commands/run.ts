/**
 * `tcim-harness run`: reads the options and hands the main job (app/run/) the `contracts` and `load`
 * commands as its steps; the orchestration itself lives in app/run/job.ts.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../../../src/client/config.ts';
import { PROFILES, ensureVegeta } from '../../../load/index.ts';
import { formatRunResult, runMainJob, type RunSteps } from '../../run/index.ts';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { contractsCommand } from './contracts.ts';
import { interruptExit, onInterrupt } from '../interrupt.ts';
import { loadCommand } from './load.ts';
import { calibrationStep } from '../../calibrate/step.ts';
import { APP_ENV, reportsBase } from '../../config/env-names.ts';

const PROFILE_NAMES = Object.keys(PROFILES);

const help = `tcim-harness run — the main job: contracts, a load check, the combined report

Usage: tcim-harness run [--profiles smoke,at] [--duration 20s] [--skip-load] [--strict] [--json] [--config FILE]

  --strict   unknown response fields fail on staging too, and drift from the expectations file fails the run
  --baseline last|PATH   each load profile is compared with its previous run (load --baseline; TCIM_LOAD_BASELINE)

Settings: tcim.config.ts (or .mjs/.json) in the working directory or --config FILE — target, credentials
(by environment variable name), production guard, rate budget, expectations, load.profiles/duration/ceiling,
reportDir, specs (your own spec folders); TCIM_* environment variables override it.

Target: the staging app from TCIM_BASE_URL, TCIM_SDKAPPID, TCIM_ADMIN and TCIM_SECRET_KEY (or
TCIM_USERSIG) — allowed only when TCIM_SDKAPPID is listed in TCIM_ALLOWED_SDKAPPIDS — or, with
TCIM_BASE_URL unset, the embedded emulator, started and stopped by each step.

Steps: 0) calibration: with an expectations file (tcim.expect.json, or the config's \`expectations\`), the
target is probed again and every doc-silent answer that differs from the file is listed as drift (a failure
only with --strict); without one, a staging app is calibrated first and tcim.expect.json written (commit it)
1) tcim-harness contracts  2) tcim-harness load --profile P for each profile (default smoke, at)
3) reports/index.html (open it in a browser), reports/run.json.

Exit codes: 0 passed, 1 a contract or load threshold failed, 2 harness or configuration error,
3 inconclusive (unreachable or throttled beyond retries).

Examples:
  tcim-harness run
  tcim-harness run --profiles smoke,at,over --duration 30s
  TCIM_BASE_URL=https://adminapisgp.im.qcloud.com TCIM_SDKAPPID=1400000001 TCIM_ADMIN=administrator \\
    TCIM_SECRET_KEY=... TCIM_ALLOWED_SDKAPPIDS=1400000001 tcim-harness run`;

/** Each step as the CLI command a user would type. */
const steps: RunSteps = {
  calibration: (o) => calibrationStep({ ...o, log: (line) => console.error(`[tcim-harness run] ${line}`) }),
  contracts: (o) => contractsCommand.run(['--report-dir', o.reportDir, ...(o.strict ? ['--strict'] : [])]),
  load: (o) => loadCommand.run(['--profile', o.profile, '--report-dir', o.reportDir, ...(o.duration ? ['--duration', o.duration] : [])]),
};

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'main job: contracts + load check (smoke, at) + combined report',
  help,
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: {
        profiles: { type: 'string' },
        duration: { type: 'string' },
        'skip-load': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'report-dir': { type: 'string' },
        baseline: { type: 'string' },
      },
    });
    // The load steps are the load command: --baseline reaches them as TCIM_LOAD_BASELINE, which it reads under its own flag.
    if (values.baseline !== undefined) process.env[APP_ENV.LOAD_BASELINE] = values.baseline;
    const profiles = (values.profiles ?? process.env[APP_ENV.LOAD_PROFILES] ?? 'smoke,at').split(',').map((p) => p.trim()).filter(Boolean);
    const unknown = profiles.filter((p) => !PROFILE_NAMES.includes(p));
    if (unknown.length) throw new ConfigError(`--profiles: unknown profile(s) ${unknown.join(', ')}; known: ${PROFILE_NAMES.join(', ')}`);
    // The step a signal hits tears its own data down; the job then starts no further step (exit 130/143).
    const leave = onInterrupt({ name: 'run', stop: () => undefined, leftover: () => '' });
    // The load generator on first use: built once (go install, per-user cache) before anything runs, so a
    // missing Go is exit 2 up front rather than after the contract suite.
    if (values['skip-load'] !== true && profiles.length > 0) ensureVegeta(process.env, (line) => console.log(`tcim-harness run: ${line}`));
    const result = await runMainJob(
      {
        stopped: interruptExit,
        reportDir: resolve(values['report-dir'] ?? reportsBase()),
        profiles,
        ...((values.duration ?? process.env[APP_ENV.LOAD_DURATION]) ? { duration: (values.duration ?? process.env[APP_ENV.LOAD_DURATION]) as string } : {}),
        skipLoad: values['skip-load'] === true,
        strict: values.strict === true,
      },
      steps,
    ).finally(leave);
    const out = formatRunResult(result, values.json === true);
    if (out) console.log(out);
    return interruptExit() ?? result.exitCode;
  },
};
