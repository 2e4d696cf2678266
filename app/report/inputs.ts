/**
 * Reads what the suites wrote under reports/; a missing part is reported as missing, never guessed.
 * Contract results come through the contracts' own reader (one reader, one verdict: the report shows
 * the same judgement the `contracts` command exits with); load summaries through the load side's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContractResults, type ContractResults } from '../../contracts/index.ts';
import { readLoadSummaries, type LoadSummary } from '../../load/index.ts';
import { CALIBRATION_REPORT, type CalibrationRecord } from '../calibrate/file.ts';

export type { LoadSummary } from '../../load/index.ts';
export type { ContractTest, CoverageCell, CoverageFile } from '../../contracts/index.ts';

export interface SelfcheckSummary {
  gate: 'pass' | 'fail';
  killRate: number;
  /** Absent in summaries written before the benign catalogue. */
  falseFailureRate?: number;
  wallMs?: number;
  baseline: { contracts?: { passed?: boolean }; load?: { passed?: boolean } | null };
  variants: { name: string; description: string; killedBy: string; outcome: 'killed' | 'survived' | 'error'; failedTests: string[]; durationMs: number }[];
  /** Servers that differ only where the docs allow: each must pass (a failure is a false failure). */
  benign?: { name: string; description: string; docs: string; outcome: 'passed' | 'failed' | 'error'; detail: string; durationMs: number; runs: { suite: string; failedTests: string[] }[] }[];
}

/** Benign variants that did not pass / benign variants (older summaries: computed from the list). */
export function falseFailureShare(s: SelfcheckSummary): { bad: number; total: number; rate: number } {
  const benign = s.benign ?? [];
  const bad = benign.filter((b) => b.outcome !== 'passed').length;
  return { bad, total: benign.length, rate: s.falseFailureRate ?? (benign.length ? bad / benign.length : 0) };
}

export interface ReportInputs {
  dir: string;
  /** reports/calibration.json: what the run's calibration step did (calibrated, or checked for drift). */
  calibration?: CalibrationRecord;
  /** reports/contracts/: results.json and coverage.json, their tests and their verdict. */
  contracts: ContractResults;
  load: LoadSummary[];
  selfcheck?: SelfcheckSummary;
  missing: string[];
}

/** An optional part of the run, `<dir>/<name>`: absent → undefined; unreadable JSON → noted in `missing`. */
function readOptional<T>(dir: string, name: string, missing: string[]): T | undefined {
  const file = join(dir, name);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    missing.push(`${name} (unreadable JSON)`);
    return undefined;
  }
}

export function readInputs(dir: string): ReportInputs {
  const missing: string[] = [];
  const contracts = readContractResults(join(dir, 'contracts'));
  for (const name of ['coverage.json', 'results.json'] as const) {
    const p = contracts.problems[name];
    if (p) missing.push(`contracts/${name}${p.missing ? '' : ' (unreadable JSON)'}`);
  }
  const load: LoadSummary[] = [];
  for (const entry of existsSync(join(dir, 'load')) ? readLoadSummaries(dir) : []) {
    if (entry.summary) load.push(entry.summary);
    else missing.push(`load/${entry.profile}/summary.json (${entry.error ?? 'unreadable'})`);
  }
  if (load.length === 0) missing.push('load/<profile>/summary.json');
  const selfcheck = readOptional<SelfcheckSummary>(dir, 'selfcheck/summary.json', missing);
  const calibration = readOptional<CalibrationRecord>(dir, CALIBRATION_REPORT, missing);
  return { dir, contracts, load, ...(selfcheck ? { selfcheck } : {}), ...(calibration ? { calibration } : {}), missing };
}
