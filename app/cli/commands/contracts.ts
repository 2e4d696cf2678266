/** `tcim-harness contracts`: runs the Playwright contract suites and turns their reports into an exit code. */
import { CONTRACTS_ENV, PLAYWRIGHT_CONFIG, checkTarget, ensureRunId, loadExpectations, readContractResults, resolveRunSettings, targetKind, type Verdict } from '../../../contracts/index.ts';
import { REPO_ROOT } from '../../../src/core/paths.ts';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ConfigError } from '../../../src/client/config.ts';
import { loadVariant } from '../../../src/emulator/variants/select.ts';

const help = `tcim-harness contracts — contract suites against the embedded emulator or a staging app

Usage: tcim-harness contracts [--strict] [--grep REGEX] [--workers N] [--report-dir DIR] [-- FILE_FILTER...]

Target: without TCIM_BASE_URL the harness starts the embedded emulator itself. With TCIM_BASE_URL it runs
against that app (TCIM_SDKAPPID, TCIM_ADMIN, TCIM_SECRET_KEY or TCIM_USERSIG) — only if TCIM_SDKAPPID is
listed in TCIM_ALLOWED_SDKAPPIDS. Everything the run creates carries the run id (TCIM_RUN_ID, generated
if unset); the teardown deletes it and the leak check fails the run if anything is left.

Options:
  --strict          unknown response fields fail on staging too (default there: drift warnings; TCIM_STRICT=1)
  --grep REGEX      only tests whose title or tag matches (e.g. @mark_contact); the coverage gate is skipped
  --workers N       parallel workers (default from TCIM_RATE_BUDGET / 40); the budget is split across them
  --report-dir DIR  where junit.xml, results.json, html/, coverage.json/.md go (default reports/contracts)

Environment: TCIM_RATE_BUDGET (calls/s for the whole run, default 150), TCIM_EMULATOR_VARIANT,
TCIM_EXPECT_NON_ADMIN_CODE, TCIM_EXPECT_THROTTLE_CODE, TCIM_EXPECT_CUSTOMMARK_TOO_LONG_CODE,
TCIM_EXPECT_SEARCH_TOO_MANY_CODE, TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE, TCIM_EXPECT_SCOPE_<code>.

Exit codes: 0 all passed, 1 a contract or the coverage gate failed, 2 harness/configuration error
(including the production guard and "nothing ran"), 3 inconclusive (throttled beyond retries or unreachable).

Examples:
  tcim-harness contracts
  TCIM_BASE_URL=https://adminapisgp.im.qcloud.com TCIM_SDKAPPID=1400000000 TCIM_ADMIN=administrator \\
    TCIM_SECRET_KEY=... TCIM_ALLOWED_SDKAPPIDS=1400000000 tcim-harness contracts --workers 3`;

const PLAYWRIGHT = join(REPO_ROOT, 'node_modules/@playwright/test/cli.js');

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

export const contractsCommand: CliCommand = {
  name: 'contracts',
  summary: 'run the contract suites (Playwright) against the emulator or a staging app',
  help,
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      options: { strict: { type: 'boolean' }, grep: { type: 'string' }, workers: { type: 'string' }, 'report-dir': { type: 'string' } },
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
    if (values.grep !== undefined || positionals.length > 0) env[CONTRACTS_ENV.PARTIAL] = '1';
    env[CONTRACTS_ENV.TARGET] = targetKind(env);
    const runId = ensureRunId(env);
    checkTarget(env);
    loadExpectations(env);
    const settings = resolveRunSettings(env);
    if (settings.kind === 'emulator') await loadVariant(env);

    for (const f of ['results.json', 'coverage.json', 'coverage.md', 'junit.xml']) rmSync(join(settings.reportDir, f), { force: true });
    const args = [PLAYWRIGHT, 'test', '-c', PLAYWRIGHT_CONFIG, ...(values.grep !== undefined ? ['--grep', values.grep] : []), ...positionals];
    const code = await new Promise<number>((done) => {
      const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
      child.on('error', () => done(-1));
      child.on('exit', (c, signal) => done(signal ? -1 : (c ?? -1)));
    });
    const { verdict } = readContractResults(settings.reportDir);
    if (code === 2 && verdict.exit === 0) verdict.exit = 2;
    printSummary(verdict, runId, settings.kind, settings.reportDir);
    return verdict.exit;
  },
};
