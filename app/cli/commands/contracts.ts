/** `tcim-harness contracts`: runs the Playwright contract suites and turns their reports into an exit code. */
import { CONTRACTS_ENV, PLAYWRIGHT_CONFIG, checkTarget, ensureRunId, loadExpectations, readContractResults, resolveRunSettings, targetKind, type Verdict } from '../../../contracts/index.ts';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ConfigError } from '../../../src/client/config.ts';
import { loadVariant } from '../../../src/emulator/variants/select.ts';
import { interruptExit } from '../interrupt.ts';
import { cleanAfterInterrupt, runPlaywright } from '../playwright-child.ts';
import { APP_ENV, reportsBase } from '../../config/env-names.ts';

const help = `tcim-harness contracts — contract suites against the embedded emulator or a staging app

Usage: tcim-harness contracts [--strict] [--grep REGEX] [--workers N] [--report-dir DIR] [--specs DIR]... [--config FILE] [-- FILE_FILTER...]

Target: without TCIM_BASE_URL the harness starts the embedded emulator itself. With TCIM_BASE_URL it runs
against that app (TCIM_SDKAPPID, TCIM_ADMIN, TCIM_SECRET_KEY or TCIM_USERSIG) — only if TCIM_SDKAPPID is
listed in TCIM_ALLOWED_SDKAPPIDS. Everything the run creates carries the run id (TCIM_RUN_ID, generated
if unset); the teardown deletes it and the leak check fails the run if anything is left.

Options:
  --strict          unknown response fields fail on staging too (default there: drift warnings; TCIM_STRICT=1)
  --grep REGEX      only tests whose title or tag matches (e.g. @mark_contact); the coverage gate is skipped
  --workers N       parallel workers (default from TCIM_RATE_BUDGET / 40); the budget is split across them
  --report-dir DIR  where junit.xml, results.json, html/, coverage.json/.md go (default reports/contracts)
  --specs DIR       also run your own specs (*.spec.ts in DIR, using tcim-harness/test); repeatable,
                    added to "specs" of the config file. They share the run, the report and the coverage matrix
  --config FILE     settings file (default ./tcim.config.ts, .mjs or .json); the environment overrides it

Environment: TCIM_RATE_BUDGET (calls/s for the whole run, default 150), TCIM_EMULATOR_VARIANT,
TCIM_EXPECT_NON_ADMIN_CODE, TCIM_EXPECT_THROTTLE_CODE, TCIM_EXPECT_CUSTOMMARK_TOO_LONG_CODE,
TCIM_EXPECT_SEARCH_TOO_MANY_CODE, TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE, TCIM_EXPECT_SCOPE_<code>.

Exit codes: 0 all passed, 1 a contract or the coverage gate failed, 2 harness/configuration error
(including the production guard and "nothing ran"), 3 inconclusive (throttled beyond retries or unreachable).

Examples:
  tcim-harness contracts
  tcim-harness contracts --specs tests/tcim
  TCIM_BASE_URL=https://adminapisgp.im.qcloud.com TCIM_SDKAPPID=1400000000 TCIM_ADMIN=administrator \\
    TCIM_SECRET_KEY=... TCIM_ALLOWED_SDKAPPIDS=1400000000 tcim-harness contracts --workers 3`;

/** Resolved like an import, so it is found where npm put it (the repository's or the user's node_modules). */
const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

function printSummary(v: Verdict, runId: string, kind: string, reportDir: string): void {
  const r = relative(process.cwd(), reportDir);
  const rel = r === '' ? '.' : r.startsWith('..') ? reportDir : r;
  const c = v.counts;
  const lines = [
    '',
    `contracts (${kind}, run ${runId}): ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.skipped} skipped${c.harness ? `, ${c.harness} harness errors` : ''}`,
    `coverage gate: ${v.gate.toUpperCase()} — ${v.gateReason}${v.drift ? ` (${v.drift} drift warning(s), see coverage.md)` : ''}`,
    ...v.failed.slice(0, 20).map((t) => `  failed: ${t}`),
    ...v.inconclusive.slice(0, 10).map((t) => `  inconclusive: ${t}`),
    ...v.harness.slice(0, 10).map((t) => `  harness: ${t}`),
    `reports: ${rel}/junit.xml, ${rel}/html/index.html, ${rel}/results.json, ${rel}/coverage.md`,
    `exit ${v.exit}: ${v.reason}`,
  ];
  console.log(lines.join('\n'));
}

/** The team's spec folders: the config's (TCIM_SPECS) and --specs, absolute, existing, each once. */
function userSpecDirs(fromEnv: string | undefined, fromArgs: string[]): string[] {
  const dirs = [...(fromEnv ? fromEnv.split(delimiter).filter(Boolean) : []), ...fromArgs].map((d) => resolve(d));
  for (const d of dirs) if (!existsSync(d) || !statSync(d).isDirectory()) throw new ConfigError(`spec folder ${d} (--specs or specs in the config) does not exist or is not a folder`);
  const unique = [...new Set(dirs)];
  for (const d of unique.filter((x) => !isModuleFolder(x))) {
    console.error(`tcim-harness contracts: note: ${d} is not in an ES module package; Playwright loads its .ts specs as CommonJS, which cannot import tcim-harness/test — add ${join(d, 'package.json')} with {"type": "module"} (tcim-harness init writes one) or name the specs *.spec.mts`);
  }
  return unique;
}

/** True when the nearest package.json above `dir` says "type": "module" (Node's own rule for .ts/.js specs). */
function isModuleFolder(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(d) === d) return false;
  }
}

export const contractsCommand: CliCommand = {
  name: 'contracts',
  summary: 'run the contract suites (Playwright) against the emulator or a staging app',
  help,
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      options: { strict: { type: 'boolean' }, grep: { type: 'string' }, workers: { type: 'string' }, 'report-dir': { type: 'string' }, specs: { type: 'string', multiple: true } },
    });
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env[CONTRACTS_ENV.TARGET];
    delete env[CONTRACTS_ENV.PARTIAL];
    if (values.strict) env[CONTRACTS_ENV.STRICT] = '1';
    if (values.workers !== undefined) {
      if (!/^[1-9][0-9]*$/.test(values.workers)) throw new ConfigError(`--workers "${values.workers}" must be a positive whole number`);
      env[CONTRACTS_ENV.WORKERS] = values.workers;
    }
    if (values['report-dir']) env[CONTRACTS_ENV.REPORT_DIR] = resolve(values['report-dir']);
    else if (!env[CONTRACTS_ENV.REPORT_DIR] && env[APP_ENV.REPORTS_DIR]) env[CONTRACTS_ENV.REPORT_DIR] = resolve(reportsBase(env), 'contracts');
    const specDirs = userSpecDirs(env[CONTRACTS_ENV.SPECS], values.specs ?? []);
    if (specDirs.length) env[CONTRACTS_ENV.SPECS] = specDirs.join(delimiter);
    else delete env[CONTRACTS_ENV.SPECS];
    if (values.grep !== undefined || positionals.length > 0) env[CONTRACTS_ENV.PARTIAL] = '1';
    env[CONTRACTS_ENV.TARGET] = targetKind(env);
    const runId = ensureRunId(env);
    checkTarget(env);
    loadExpectations(env);
    const settings = resolveRunSettings(env);
    // Absolute, so Playwright's processes write into the user's project whatever their working directory.
    env[CONTRACTS_ENV.REPORT_DIR] = settings.reportDir;
    if (settings.kind === 'emulator') await loadVariant(env);

    for (const f of ['results.json', 'coverage.json', 'coverage.md', 'junit.xml']) rmSync(join(settings.reportDir, f), { force: true });
    const args = [PLAYWRIGHT, 'test', '-c', PLAYWRIGHT_CONFIG, ...(values.grep !== undefined ? ['--grep', values.grep] : []), ...positionals];
    const code = await runPlaywright(args, env, runId, settings);
    const interrupted = interruptExit();
    if (interrupted !== undefined) return cleanAfterInterrupt(env, runId, settings, interrupted);
    const { verdict } = readContractResults(settings.reportDir);
    if (code === 2 && verdict.exit === 0) verdict.exit = 2;
    printSummary(verdict, runId, settings.kind, settings.reportDir);
    return verdict.exit;
  },
};
