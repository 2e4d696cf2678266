/**
 * The main job, `tcim-harness run`: the contract suite, then the load profiles, then the combined
 * report and its check in a real browser, and one exit code for all of it. The suites come in as
 * steps (the CLI hands in its own `contracts` and `load` commands), so this folder never imports the
 * CLI, which imports it.
 */
import { randomBytes } from 'node:crypto';
import { Exit } from '../../src/core/exit-codes.ts';
import { isEmbedded } from '../../src/target/index.ts';
import { buildReport, type BuiltReport } from '../report/index.ts';
import { checkReportInBrowser } from './browser.ts';
import { combineExits, exitForVerdict } from './exit.ts';
import { runMeta } from './meta.ts';

/** The suites the job runs; each answers an exit code (src/core/exit-codes.ts). */
export interface RunSteps {
  /** Before the suites: calibrate a target without an expectations file, or list its drift from the file. */
  calibration?(o: { reportDir: string; strict: boolean }): Promise<number>;
  contracts(o: { reportDir: string; strict: boolean }): Promise<number>;
  load(o: { profile: string; reportDir: string; duration?: string }): Promise<number>;
}

export interface RunOptions {
  /** The reports root: contracts/, load/, index.html, run.json. */
  reportDir: string;
  /** Load profiles, in order (ignored with skipLoad). */
  profiles: string[];
  /** Duration of each load profile (its own default when unset). */
  duration?: string;
  skipLoad: boolean;
  /** Unknown response fields fail the contracts on staging too. */
  strict: boolean;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** 130/143 once a SIGINT/SIGTERM came (the step it hit has torn its data down): no further step starts. */
  stopped?: () => number | undefined;
}

export interface StepExit {
  step: string;
  code: number;
}

export interface RunResult {
  runId: string;
  target: string;
  steps: StepExit[];
  /** Undefined when the job stopped before the report (the contract step could not run). */
  report?: BuiltReport;
  /** One line: what the browser check found, or why it did not run. */
  browser: string;
  exitCode: number;
}

/**
 * One run id for every step: the suites name everything they create after it, and the report joins
 * their results by it. An id given in TCIM_RUN_ID is kept; the steps read it from the environment.
 */
function ensureJobRunId(env: NodeJS.ProcessEnv): string {
  const runId = env.TCIM_RUN_ID ?? randomBytes(4).toString('hex');
  env.TCIM_RUN_ID = runId;
  return runId;
}

export async function runMainJob(o: RunOptions, steps: RunSteps): Promise<RunResult> {
  const log = o.log ?? ((line: string) => console.error(line));
  const step = (msg: string) => log(`\n[tcim-harness run] ${msg}`);
  const dir = o.reportDir;
  const runId = ensureJobRunId(process.env);
  const started = new Date();
  const target = isEmbedded() ? 'embedded emulator' : String(process.env.TCIM_BASE_URL);
  const exits: StepExit[] = [];
  const total = o.skipLoad ? 2 : o.profiles.length + 2;

  const interrupted = (): RunResult | undefined => {
    const code = o.stopped?.();
    if (code === undefined) return undefined;
    log(`[tcim-harness run] interrupted (exit ${code}): the step's teardown ran; no further step starts.`);
    return { runId, target, steps: exits, browser: '', exitCode: code };
  };
  if (steps.calibration) {
    step(`calibration against ${target}`);
    exits.push({ step: 'calibration', code: await steps.calibration({ reportDir: dir, strict: o.strict }) });
    const stop = interrupted();
    if (stop) return stop;
  }
  step(`1/${total} contracts against ${target} (run ${runId})`);
  const c = await steps.contracts({ reportDir: `${dir}/contracts`, strict: o.strict });
  exits.push({ step: 'contracts', code: c });
  const early = interrupted();
  if (early) return early;
  // A configuration error means nothing else can run either (same target, same settings): stop here.
  if (c === Exit.CONFIG) {
    log('[tcim-harness run] the contract step could not run (configuration error); stopping.');
    return { runId, target, steps: exits, browser: '', exitCode: Exit.CONFIG };
  }
  if (!o.skipLoad) {
    for (const [i, profile] of o.profiles.entries()) {
      step(`${i + 2}/${total} load profile ${profile}`);
      const code = await steps.load({ profile, reportDir: `${dir}/load`, ...(o.duration ? { duration: o.duration } : {}) });
      exits.push({ step: `load ${profile}`, code });
      const stop = interrupted();
      if (stop) return stop;
    }
  }
  step('report');
  const report = buildReport(dir, runMeta(runId, target, started));
  // The report's verdict counts too: it sees what no single step's exit code says (e.g. missing results).
  const exitCode = combineExits([...exits.map((e) => e.code), exitForVerdict(report.verdict.verdict)]);
  const browser = await checkReportInBrowser(report.file, `${dir}/report.png`);
  return { runId, target, steps: exits, report, browser, exitCode };
}
