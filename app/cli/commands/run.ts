/** `tcim-harness run`: the main job — contracts, then load profiles, then the combined report. */
import { parseCliArgs } from '../args.ts';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { ConfigError } from '../../../src/client/config.ts';
import { contractsCommand } from './contracts.ts';
import { loadCommand } from './load.ts';
import { buildReport } from '../../report/index.ts';
import { runMeta } from '../../run/meta.ts';
import { combineExits, exitForVerdict } from '../../run/exit.ts';
import { isEmbedded } from '../../../src/target/index.ts';
import { checkInBrowser, BrowserMissingError } from '../../report/browser-check.ts';

const PROFILES = ['smoke', 'under', 'at', 'over', 'mix', 'ceiling', 'soak'];

const help = `tcim-harness run — the main job: contracts, a load check, the combined report

Usage: tcim-harness run [--profiles smoke,at] [--duration 20s] [--skip-load] [--strict] [--json]

Target: the staging app from TCIM_BASE_URL, TCIM_SDKAPPID, TCIM_ADMIN and TCIM_SECRET_KEY (or
TCIM_USERSIG) — allowed only when TCIM_SDKAPPID is listed in TCIM_ALLOWED_SDKAPPIDS — or, with
TCIM_BASE_URL unset, the embedded emulator, started and stopped by each step.

Steps: 1) tcim-harness contracts  2) tcim-harness load --profile P for each profile (default smoke, at)
3) reports/index.html (open it in a browser), reports/run.json.

Exit codes: 0 passed, 1 a contract or load threshold failed, 2 harness or configuration error,
3 inconclusive (unreachable or throttled beyond retries).

Examples:
  tcim-harness run
  tcim-harness run --profiles smoke,at,over --duration 30s
  TCIM_BASE_URL=https://adminapisgp.im.qcloud.com TCIM_SDKAPPID=1400000001 TCIM_ADMIN=administrator \\
    TCIM_SECRET_KEY=... TCIM_ALLOWED_SDKAPPIDS=1400000001 tcim-harness run`;

const step = (msg: string) => console.error(`\n[tcim-harness run] ${msg}`);

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'main job: contracts + load check (smoke, at) + combined report',
  help,
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: {
        profiles: { type: 'string', default: 'smoke,at' },
        duration: { type: 'string' },
        'skip-load': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'report-dir': { type: 'string', default: 'reports' },
      },
    });
    const profiles = (values.profiles ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const unknown = profiles.filter((p) => !PROFILES.includes(p));
    if (unknown.length) throw new ConfigError(`--profiles: unknown profile(s) ${unknown.join(', ')}; known: ${PROFILES.join(', ')}`);
    const dir = resolve(values['report-dir'] ?? 'reports');
    const runId = process.env.TCIM_RUN_ID ?? randomBytes(4).toString('hex');
    process.env.TCIM_RUN_ID = runId;
    const started = new Date();
    const target = isEmbedded() ? 'embedded emulator' : String(process.env.TCIM_BASE_URL);
    const exits: { step: string; code: number }[] = [];

    step(`1/${values['skip-load'] ? 2 : profiles.length + 2} contracts against ${target} (run ${runId})`);
    const c = await contractsCommand.run(['--report-dir', `${dir}/contracts`, ...(values.strict ? ['--strict'] : [])]);
    exits.push({ step: 'contracts', code: c });
    if (c === Exit.CONFIG) {
      console.error('[tcim-harness run] the contract step could not run (configuration error); stopping.');
      return Exit.CONFIG;
    }
    if (!values['skip-load']) {
      for (const [i, profile] of profiles.entries()) {
        step(`${i + 2}/${profiles.length + 2} load profile ${profile}`);
        const code = await loadCommand.run(['--profile', profile, '--report-dir', `${dir}/load`, ...(values.duration ? ['--duration', values.duration] : [])]);
        exits.push({ step: `load ${profile}`, code });
      }
    }
    step('report');
    const built = buildReport(dir, runMeta(runId, target, started));
    const code = combineExits([...exits.map((e) => e.code), exitForVerdict(built.verdict.verdict)]);
    let browser = '';
    try {
      const b = await checkInBrowser(built.file, `${dir}/report.png`);
      const problems = [...b.consoleErrors, ...b.externalRequests.map((u) => `network request to ${u}`)];
      browser = problems.length ? `browser check: ${problems.length} problem(s): ${problems.join('; ')}` : `browser check: Chromium shows ${b.verdict} and a ${b.matrixRows}-row coverage matrix, no console errors; screenshot ${b.screenshot}`;
    } catch (e) {
      browser = e instanceof BrowserMissingError ? `browser check skipped: ${e.message}` : `browser check could not run: ${(e as Error).message}`;
    }
    if (values.json) console.log(JSON.stringify({ runId, verdict: built.verdict, steps: exits, report: built.file, browser, exitCode: code }, null, 2));
    else {
      console.log(`\n${built.verdict.verdict} — ${built.verdict.reasons.join('; ')}`);
      for (const e of exits) console.log(`  ${e.step.padEnd(14)} exit ${e.code}`);
      console.log(`report: ${built.file}\n${browser}`);
    }
    return code;
  },
};
