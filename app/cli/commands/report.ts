/** `tcim-harness report`: rebuild reports/index.html from the results already under reports/. */
import { parseCliArgs } from '../args.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { ConfigError } from '../../../src/client/config.ts';
import { buildReport } from '../../report/index.ts';
import { runMeta } from '../../run/meta.ts';
import { exitForVerdict } from '../../run/exit.ts';
import { reportsBase } from '../../config/env-names.ts';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'rebuild the combined report (reports/index.html) from existing results',
  help: `tcim-harness report — rebuild reports/index.html from what the suites wrote

Usage: tcim-harness report [--dir reports] [--json] [--config FILE]

--dir defaults to reportDir of tcim.config.* (TCIM_REPORTS_DIR), else reports.

Reads reports/contracts/{results,coverage}.json, reports/load/<profile>/summary.json and
reports/selfcheck/summary.json; a part that is missing is shown as missing.
Exit code: the verdict's (0 PASS, 1 FAIL, 3 INCONCLUSIVE, 2 ERROR or INCOMPLETE: a harness error or nothing
complete to report). The contract part is the \`contracts\` command's own verdict, so both exit alike.

Example:
  tcim-harness report && chromium reports/index.html`,
  async run(argv) {
    const { values } = parseCliArgs({ args: argv, options: { dir: { type: 'string' }, json: { type: 'boolean', default: false } } });
    const dir = resolve(values.dir ?? reportsBase());
    if (!existsSync(join(dir, 'contracts'))) throw new ConfigError(`${dir} holds no contract results: run \`tcim-harness contracts\` or \`tcim-harness run\` first`);
    const previous = existsSync(join(dir, 'run.json')) ? (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { runId?: string; target?: string; startedAt?: string }) : {};
    const meta = { ...runMeta(previous.runId ?? 'unknown', previous.target ?? 'unknown', new Date(previous.startedAt ?? Date.now())) };
    const built = buildReport(dir, meta);
    if (values.json) console.log(JSON.stringify({ file: built.file, verdict: built.verdict, missing: built.inputs.missing }, null, 2));
    else console.log(`${built.verdict.verdict}: ${built.verdict.reasons.join('; ')}\nreport: ${built.file}`);
    return exitForVerdict(built.verdict.verdict);
  },
};
