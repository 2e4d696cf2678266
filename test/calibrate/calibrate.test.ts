/**
 * `tcim-harness calibrate` and the calibration step of `run`, against emulators that answer the doc-silent
 * points the harness's way and every other way (the benign variant everything-else):
 * - `run` on a target without an expectations file calibrates first, writes tcim.expect.json (valid against
 *   its schema, holding the other answers) and passes; its report lists the answers;
 * - `calibrate --check` against a target that answers differently lists each drift with the docs' words,
 *   exit 0, and exit 1 with --strict; against the same target, no drift;
 * - a broken expectations file is exit 2 naming the file and the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateExpectations } from '../../app/config/index.ts';
import { cli } from '../config/helpers.ts';

const ELSE = { TCIM_EMULATOR_VARIANT: 'everything-else' };

test('run without an expectations file calibrates first, writes tcim.expect.json and passes; calibrate --check lists drift', { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-calibrate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const run = await cli(['run', '--skip-load'], { cwd: dir, env: ELSE, timeoutMs: 240_000 });
  assert.equal(run.code, 0, run.out.slice(-3000));
  assert.match(run.out, /no expectations file — calibrating the emulator first/);
  const file = join(dir, 'tcim.expect.json');
  assert.ok(existsSync(file), 'tcim.expect.json written in the project directory');
  const written = JSON.parse(readFileSync(file, 'utf8'));
  validateExpectations(written, file);
  assert.deepEqual(
    { firstGroupId: written.firstGroupId, markBitOrder: written.markBitOrder, markPadding: written.markPadding, emptyFields: written.emptyFields, errorText: written.errorText, errorDisplay: written.errorDisplay, pageSize: written.pageSize },
    { firstGroupId: 1000, markBitOrder: 'lsb-left', markPadding: 'pad-64', emptyFields: 'present', errorText: 'empty', errorDisplay: 'never', pageSize: 7 },
  );
  assert.deepEqual([written.nonAdminCode, written.duplicateGroupNameCode, written.customMarkTooLongCode, written.searchTooManyCode, written.throttleCode, written.limiter], [50003, 51011, 51006, 51006, 60018, 'fixed-window']);
  assert.equal(written.calibration.target, 'embedded emulator');
  const record = JSON.parse(readFileSync(join(dir, 'reports/calibration.json'), 'utf8'));
  assert.equal(record.mode, 'calibrated');
  const html = readFileSync(join(dir, 'reports/index.html'), 'utf8');
  assert.match(html, /id="calibration"/);
  assert.match(html, /markBitOrder: lsb-left/);

  // the same target: nothing differs
  const same = await cli(['calibrate', '--check', '--strict'], { cwd: dir, env: ELSE });
  assert.equal(same.code, 0, same.out);
  assert.match(same.out, /no drift from/);

  // a target that answers the harness's way: drift, with the docs' words; a failure only with --strict
  const other = await cli(['calibrate', '--check'], { cwd: dir });
  assert.equal(other.code, 0, other.out);
  assert.match(other.out, /DRIFT markBitOrder: recorded lsb-left, now lsb-right — the docs: StandardMark is given only by example/);
  assert.match(other.out, /DRIFT firstGroupId: recorded 1000, now 1/);
  const strict = await cli(['calibrate', '--check', '--strict'], { cwd: dir });
  assert.equal(strict.code, 1, strict.out);
});

test('a broken expectations file is exit 2 naming the file and the field', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-calibrate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'tcim.expect.json'), JSON.stringify({ markBitOrder: 'middle-out' }));
  const r = await cli(['calibrate', '--check'], { cwd: dir });
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /tcim\.expect\.json/);
  assert.match(r.out, /expectations\.markBitOrder: must be one of "lsb-right", "lsb-left"/);
  writeFileSync(join(dir, 'tcim.expect.json'), '{ not json');
  const garbled = await cli(['doctor'], { cwd: dir });
  assert.equal(garbled.code, 2, garbled.out);
  assert.match(garbled.out, /cannot read .*tcim\.expect\.json.*calibrate/);
});
