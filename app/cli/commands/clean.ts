/** `tcim-harness clean`: removes what earlier runs left on a staging target (app/clean). */
import { resolve } from 'node:path';
import { assertTargetAllowed, ConfigError, ENV, loadTargetConfig } from '../../../src/client/config.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { projectDir } from '../../../src/core/paths.ts';
import { cleanTarget } from '../../clean/index.ts';
import { reportsBase } from '../../config/env-names.ts';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';

const RUN_ID = /^[a-z0-9]{1,12}$/;

const help = `tcim-harness clean — remove what earlier runs left on a staging app

Usage: tcim-harness clean [--dry-run] [--run-id ID] [--report-dir DIR]

Finds the runs through the ownership ledgers the suites write before they create anything
(DIR/**/.ledger/<runId>.jsonl, default DIR: reports) and, with --run-id, also by the run-scoped names
(accounts tc-<ID>-p<i>-<n>, tc-<ID>-probe and ld-<ID>-u<i>, IM groups tc-<ID>-g… and ld-<ID>-s<k>g<j>) even when the
ledger is gone. The REST API has no call that lists an app's accounts, so a run whose ledger is gone is
found only when you give its id (it is in the run's reports and log lines: "run <ID>").
For each run: clears every conversation group and mark of its accounts, destroys its IM groups, deletes
its accounts (account_delete), checks nothing is left, then removes the ledger files.

Target: TCIM_BASE_URL, TCIM_SDKAPPID, TCIM_ADMIN, TCIM_SECRET_KEY or TCIM_USERSIG; refused unless
TCIM_SDKAPPID is listed in TCIM_ALLOWED_SDKAPPIDS (production guard). The embedded emulator keeps
nothing between runs, so clean needs TCIM_BASE_URL.

Options:
  --dry-run         list what would be removed; change nothing
  --run-id ID       only this run (a-z0-9, ≤ 12), found by its names even without a ledger
  --report-dir DIR  where to look for ledgers (default: the reports directory, reports)

Exit codes: 0 nothing left, 1 something could not be removed, 2 configuration error (guard refusal, bad option).

Examples:
  tcim-harness clean --dry-run
  tcim-harness clean --run-id k3x9a1b2`;

export const cleanCommand: CliCommand = {
  name: 'clean',
  summary: 'remove what earlier (killed) runs left on a staging app: accounts, groups, marks, IM groups',
  help,
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean', default: false }, 'run-id': { type: 'string' }, 'report-dir': { type: 'string' } },
    });
    const runId = values['run-id'];
    if (runId !== undefined && !RUN_ID.test(runId)) throw new ConfigError(`--run-id "${runId}" must be 1 to 12 characters a-z and 0-9`);
    if (!process.env[ENV.BASE_URL]) throw new ConfigError(`clean works on a staging app: set ${ENV.BASE_URL} (with ${ENV.SDKAPPID}, ${ENV.ADMIN}, ${ENV.SECRET_KEY} or ${ENV.USERSIG}, and ${ENV.ALLOWED_SDKAPPIDS}); the embedded emulator keeps nothing between runs`);
    const config = loadTargetConfig(process.env);
    assertTargetAllowed(config, process.env);
    const code = await cleanTarget({
      config,
      roots: [resolve(projectDir(), values['report-dir'] ?? reportsBase())],
      ...(runId !== undefined ? { runId } : {}),
      dryRun: values['dry-run'] === true,
      log: (line) => console.log(line),
    });
    return code === 0 ? Exit.PASS : Exit.FAIL;
  },
};
