/** The expectations file and the calibration record of a run (reports/calibration.json, read by the combined report). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { redact } from '../../src/core/redact.ts';
import { validateExpectations, type TcimExpectations } from '../config/index.ts';
import type { DriftEntry } from './drift.ts';
import type { Observed } from './probes.ts';

/** Validates (the same check every reader makes) and writes an expectations file. */
export function writeExpectFile(file: string, e: TcimExpectations): void {
  validateExpectations(e, file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(e, null, 2)}\n`);
}

export const CALIBRATION_REPORT = 'calibration.json';

/** What the calibration step of a run did: calibrated a target without a file, or checked one against it. */
export interface CalibrationRecord {
  mode: 'calibrated' | 'checked';
  /** The expectations file written or compared with. */
  file: string;
  target: string;
  at: string;
  runId: string;
  observed: Observed;
  notProbed: string[];
  drift: DriftEntry[];
  /** Drift fails the run (--strict). */
  strict: boolean;
}

export function writeCalibrationRecord(reportDir: string, r: CalibrationRecord): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, CALIBRATION_REPORT), redact(JSON.stringify(r, null, 2)));
}
