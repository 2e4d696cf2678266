/**
 * The calibration step of `tcim-harness run`, before the suites:
 * - with an expectations file (tcim.expect.json, or the config's `expectations` path): probe the target
 *   again (no throttle burst) and list every answer that differs from the file as drift — a warning, a
 *   failure only with --strict;
 * - without one, on a staging app or an emulator variant: calibrate first, write tcim.expect.json, say so,
 *   and run the suites against those expectations;
 * - the plain embedded emulator answers the harness's defaults: nothing to calibrate.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Exit } from '../../src/core/exit-codes.ts';
import { ConfigError } from '../../src/core/config-error.ts';
import { projectDir } from '../../src/core/paths.ts';
import { isEmbedded, resolveTarget } from '../../src/target/index.ts';
import { VARIANT_ENV } from '../../src/emulator/variants/select.ts';
import { EXPECT_FILE, expectationsInUse, expectationVars, readExpectationsFile } from '../config/index.ts';
import { compareWithRecorded } from './drift.ts';
import { CALIBRATION_REPORT, writeCalibrationRecord, writeExpectFile } from './file.ts';
import { calibrate, toExpectations } from './index.ts';

type Env = Record<string, string | undefined>;

export interface CalibrationStepOptions {
  reportDir: string;
  strict: boolean;
  log: (line: string) => void;
  env?: Env;
  harnessVersion?: string;
}

export async function calibrationStep(o: CalibrationStepOptions): Promise<number> {
  const env = o.env ?? process.env;
  rmSync(join(o.reportDir, CALIBRATION_REPORT), { force: true });
  const inUse = expectationsInUse();
  if (!inUse && isEmbedded(env) && !env[VARIANT_ENV.VARIANT] && !env[VARIANT_ENV.VARIANT_MODULE]) {
    o.log('calibration: the embedded emulator answers the harness\'s defaults; nothing to calibrate');
    return Exit.PASS;
  }
  const target = await resolveTarget(env);
  try {
    if (!inUse) {
      const file = join(projectDir(), EXPECT_FILE);
      o.log(`calibration: no expectations file — calibrating ${target.kind === 'emulator' ? 'the emulator' : 'the target'} first`);
      const cal = await calibrate(target, { reportDir: o.reportDir, throttle: true, log: o.log });
      const expectations = toExpectations(cal, o.harnessVersion);
      writeExpectFile(file, expectations);
      for (const [k, v] of Object.entries(expectationVars(expectations))) if (env[k] === undefined) env[k] = v;
      o.log(`calibration: wrote ${file} — commit it; later runs hold the target to it (rerun \`tcim-harness calibrate\` after a deliberate change)`);
      writeCalibrationRecord(o.reportDir, { mode: 'calibrated', file, target: cal.target, at: cal.at, runId: cal.runId, observed: cal.observed, notProbed: cal.notProbed, drift: [], strict: o.strict });
      return Exit.PASS;
    }
    const recorded = readExpectationsFile(inUse.file);
    o.log(`calibration: checking the target against ${inUse.file}`);
    const cal = await calibrate(target, { reportDir: o.reportDir, throttle: false, log: o.log });
    const drift = compareWithRecorded(recorded, cal.observed);
    for (const d of drift) o.log(`  DRIFT ${d.field}: recorded ${d.recorded}, now ${d.now} — the docs: ${d.docs}`);
    o.log(drift.length === 0 ? 'calibration: no drift' : `calibration: ${drift.length} point(s) differ from ${inUse.file}${o.strict ? ' (--strict: the run fails)' : ' (a warning; --strict fails the run)'}`);
    writeCalibrationRecord(o.reportDir, { mode: 'checked', file: inUse.file, target: cal.target, at: cal.at, runId: cal.runId, observed: cal.observed, notProbed: cal.notProbed, drift, strict: o.strict });
    return drift.length > 0 && o.strict ? Exit.FAIL : Exit.PASS;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    o.log(`calibration could not finish: ${(e as Error).message.split('\n')[0]}`);
    return Exit.INCONCLUSIVE;
  } finally {
    await target.stop();
  }
}
