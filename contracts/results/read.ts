/**
 * The one reader of a contracts run's results: `<dir>/results.json` (Playwright) and
 * `<dir>/coverage.json` (the coverage reporter), read, flattened and judged once. The contracts
 * command, the combined report and the self-check all start here.
 */
import { join } from 'node:path';
import type { CoverageFile } from '../coverage/file.ts';
import { readResultFile } from './files.ts';
import { contractTests, type ContractTest, type JsonReport } from './playwright.ts';
import { judge, type Verdict } from './verdict.ts';

export type ResultFileName = 'results.json' | 'coverage.json';

export interface ContractResults {
  dir: string;
  report?: JsonReport;
  coverage?: CoverageFile;
  /** Why a file could not be used: missing, or present but not JSON (`problem` names the path). */
  problems: Partial<Record<ResultFileName, { missing: boolean; problem: string }>>;
  tests: ContractTest[];
  verdict: Verdict;
}

export function readContractResults(dir: string): ContractResults {
  const problems: ContractResults['problems'] = {};
  const read = <T>(name: ResultFileName): T | undefined => {
    const r = readResultFile<T>(join(dir, name));
    if (r.ok) return r.value;
    problems[name] = { missing: r.missing, problem: r.problem };
    return undefined;
  };
  const report = read<JsonReport>('results.json');
  const coverage = read<CoverageFile>('coverage.json');
  return { dir, ...(report ? { report } : {}), ...(coverage ? { coverage } : {}), problems, tests: contractTests(report), verdict: judge(report, coverage) };
}
