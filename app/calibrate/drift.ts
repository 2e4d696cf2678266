/**
 * Drift: a target that now answers a doc-silent point differently from its expectations file. Each entry
 * says what the docs leave open, the recorded answer and the new one. Only points both answered are
 * compared (a point calibrate could not probe, then or now, is no evidence either way).
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import type { TcimExpectations } from '../config/index.ts';
import { docsOf } from './points.ts';
import type { Observed } from './probes.ts';

export interface DriftEntry {
  /** Field of the expectations file (scope.<code> for where a code is answered). */
  field: string;
  docs: string;
  recorded: string | number;
  now: string | number;
}

const FIELDS_NOT_COMPARED = new Set(['$schema', 'calibration', 'scope', 'throttleBurst']);

/** The answers of `e` as flat pairs, scope.<code> for each code's place: what drift compares, the CLI prints and the report lists. */
export function answersOf(e: Observed | TcimExpectations): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const [k, v] of Object.entries(e)) if (!FIELDS_NOT_COMPARED.has(k) && (typeof v === 'string' || typeof v === 'number')) out.set(k, v);
  for (const [code, scope] of Object.entries(e.scope ?? {})) out.set(`scope.${code}`, scope);
  return out;
}

/** A code may be written as its name (API_RATE_LIMITED) in a hand-edited file. */
const codeOf = (v: string | number): string | number => (typeof v === 'string' ? ((ErrorCodes as Record<string, number>)[v] ?? v) : v);

export function compareWithRecorded(recorded: TcimExpectations, now: Observed): DriftEntry[] {
  const before = answersOf(recorded);
  const drift: DriftEntry[] = [];
  for (const [field, value] of answersOf(now)) {
    const was = before.get(field);
    // a limiter recorded as unknown is no claim; codes may be written as names in a hand-edited file
    if (was === undefined || was === 'unknown' || String(codeOf(was)) === String(value)) continue;
    drift.push({ field, docs: docsOf(field), recorded: was, now: value });
  }
  return drift;
}
