/** `tcim-harness calibrate`: learn a target's answers where the docs are silent; write tcim.expect.json (app/calibrate). */
import { resolve } from 'node:path';
import { Exit } from '../../../src/core/exit-codes.ts';
import { ConfigError } from '../../../src/core/config-error.ts';
import { projectDir } from '../../../src/core/paths.ts';
import { resolveTarget } from '../../../src/target/index.ts';
import { calibrate, toExpectations } from '../../calibrate/index.ts';
import { answersOf, compareWithRecorded } from '../../calibrate/drift.ts';
import { writeExpectFile } from '../../calibrate/file.ts';
import { defaultOf, docsOf } from '../../calibrate/points.ts';
import { EXPECT_FILE, expectationsInUse, readExpectationsFile } from '../../config/index.ts';
import { reportsBase } from '../../config/env-names.ts';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';

const help = `tcim-harness calibrate — learn how your target answers where the docs are silent

Usage: tcim-harness calibrate [--out FILE] [--no-throttle] [--check [--strict]] [--json]

Probes each doc-silent point on the target once, on two run-scoped accounts of its own (in the ownership
ledger; removed after, \`tcim-harness clean\` finds them if the command is killed): the throttle code and the
limiter's shape (one burst of 300 reads of its own account, over the 200/s ceiling for a fraction of a
second), the non-admin identifier code (needs TCIM_SECRET_KEY), the duplicate-name, over-long CustomMark
and over-300 search codes and where each is answered (top level or per item), StandardMark bit order and
padding, the first GroupId, the page size of get_contact_group, empty fields, error text and ErrorDisplay.

Writes the answers as an expectations file (default tcim.expect.json in the project directory, or the
config's \`expectations\` path), validated against schemas/expect.schema.json. Commit it: every command
reads it when the config names no expectations (TCIM_EXPECT_* variables still override it), and
\`tcim-harness run\` checks the target against it again and lists drift. Rerun calibrate when the target
changes on purpose (a new region, another edition, a Tencent change you accept).

Options:
  --out FILE      where to write (default: the expectations file in use, else ./tcim.expect.json)
  --no-throttle   skip the throttle burst (throttleCode and limiter stay as they are)
  --check         write nothing: compare the target with the file and list drift
  --strict        with --check: drift is exit 1
  --json          the answers as JSON on stdout

Exit codes: 0 done (or no drift), 1 drift with --check --strict, 2 configuration error, 3 the target could not be probed.

Examples:
  tcim-harness calibrate
  tcim-harness calibrate --check --strict`;

const show = (v: unknown): string => (v === undefined ? '—' : String(v));

export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'learn the target\'s answers where the docs are silent; write tcim.expect.json',
  help,
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: { out: { type: 'string' }, 'no-throttle': { type: 'boolean', default: false }, check: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
    if (values.strict && !values.check) throw new ConfigError('--strict goes with --check (a calibration itself has nothing to fail)');
    const inUse = expectationsInUse();
    const file = values.out !== undefined ? resolve(values.out) : (inUse?.file ?? resolve(projectDir(), EXPECT_FILE));
    const recorded = values.check ? readExpectationsFile(file) : undefined;
    const log = (line: string) => console.error(line);
    const target = await resolveTarget();
    let cal;
    try {
      cal = await calibrate(target, { reportDir: resolve(reportsBase()), throttle: values['no-throttle'] !== true && !values.check, log });
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      console.error(`tcim-harness calibrate: the target could not be probed: ${(e as Error).message.split('\n')[0]}`);
      return Exit.INCONCLUSIVE;
    } finally {
      await target.stop();
    }
    const rows = [...answersOf(cal.observed)];
    if (values.json) console.log(JSON.stringify({ ...cal, file }, null, 2));
    else {
      console.log(`answers of ${cal.target} (run ${cal.runId}):`);
      for (const [field, v] of rows) console.log(`  ${field.padEnd(24)} ${show(v).padEnd(12)} default ${show(defaultOf(field)).padEnd(12)} ${docsOf(field)}`);
      for (const n of cal.notProbed) console.log(`  not probed: ${n}`);
    }
    if (recorded) {
      const drift = compareWithRecorded(recorded, cal.observed);
      for (const d of drift) console.log(`DRIFT ${d.field}: recorded ${d.recorded}, now ${d.now} — the docs: ${d.docs}`);
      console.log(drift.length === 0 ? `no drift from ${file}` : `${drift.length} point(s) differ from ${file}`);
      return drift.length > 0 && values.strict ? Exit.FAIL : Exit.PASS;
    }
    const previous = values['no-throttle'] && inUse ? readExpectationsFile(inUse.file) : undefined;
    const next = toExpectations(cal);
    // --no-throttle keeps what the file said about throttling
    if (previous?.throttleCode !== undefined && next.throttleCode === undefined) next.throttleCode = previous.throttleCode;
    if (previous?.limiter !== undefined && next.limiter === undefined) next.limiter = previous.limiter;
    writeExpectFile(file, next);
    console.log(`wrote ${file} — commit it; every command reads it (TCIM_EXPECT_* override it), \`tcim-harness run\` lists drift from it`);
    return Exit.PASS;
  },
};
