/** Reads what the suites wrote under reports/; a missing part is reported as missing, never guessed. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLoadSummaries } from '../../load/index.ts';
import type { LoadSummary } from '../../load/index.ts';

export interface CoverageCell {
  code: number;
  name: string;
  command: string;
  scope: string;
  doc: string;
  status: 'passed' | 'failed' | 'inconclusive' | 'not-triggerable' | 'not-run' | 'untested';
  tested: boolean;
  observed: boolean;
  passed: boolean;
  reason?: string;
  tests: string[];
}

export interface Coverage {
  runId: string;
  target: string;
  runStatus: string;
  counts: Record<string, number>;
  gate: 'pass' | 'fail' | 'incomplete' | 'partial';
  gateReason: string;
  cells: CoverageCell[];
  notApplicable: { code: number; name: string; reason: string }[];
  drift: string[];
  inconclusive: string[];
}

export interface PwAttachment {
  name: string;
  contentType: string;
  body?: string;
  path?: string;
}

export interface PwTest {
  title: string;
  file: string;
  projectName: string;
  status: string;
  annotations: { type: string; description?: string }[];
  error?: string;
  attachments: PwAttachment[];
}

export type { LoadSummary } from '../../load/index.ts';

export interface SelfcheckSummary {
  gate: 'pass' | 'fail';
  killRate: number;
  baseline: { outcome?: string; passed?: boolean };
  variants: { name: string; description: string; killedBy: string; outcome: 'killed' | 'survived' | 'error'; failedTests: string[]; durationMs: number }[];
}

export interface ReportInputs {
  dir: string;
  coverage?: Coverage;
  tests: PwTest[];
  contractStats?: { expected: number; unexpected: number; skipped: number; flaky: number; duration: number };
  load: LoadSummary[];
  selfcheck?: SelfcheckSummary;
  missing: string[];
}

function readJson<T>(file: string, missing: string[], label: string): T | undefined {
  if (!existsSync(file)) {
    missing.push(label);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    missing.push(`${label} (unreadable JSON)`);
    return undefined;
  }
}

interface PwSuite {
  file?: string;
  specs?: { title: string; file: string; tests: { projectName: string; status: string; annotations: PwTest['annotations']; results: { status: string; error?: { message?: string }; attachments: PwAttachment[] }[] }[] }[];
  suites?: PwSuite[];
}

function flatten(suite: PwSuite, out: PwTest[]): void {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests) {
      const last = t.results[t.results.length - 1];
      out.push({
        title: spec.title,
        file: spec.file,
        projectName: t.projectName,
        status: last?.status ?? 'skipped',
        annotations: t.annotations,
        ...(last?.error?.message ? { error: last.error.message } : {}),
        attachments: last?.attachments ?? [],
      });
    }
  }
  for (const s of suite.suites ?? []) flatten(s, out);
}

export function readInputs(dir: string): ReportInputs {
  const missing: string[] = [];
  const coverage = readJson<Coverage>(join(dir, 'contracts/coverage.json'), missing, 'contracts/coverage.json');
  const results = readJson<{ suites: PwSuite[]; stats: ReportInputs['contractStats'] }>(join(dir, 'contracts/results.json'), missing, 'contracts/results.json');
  const tests: PwTest[] = [];
  for (const s of results?.suites ?? []) flatten(s, tests);
  const load: LoadSummary[] = [];
  for (const entry of existsSync(join(dir, 'load')) ? readLoadSummaries(dir) : []) {
    if (entry.summary) load.push(entry.summary);
    else missing.push(`load/${entry.profile}/summary.json (${entry.error ?? 'unreadable'})`);
  }
  if (load.length === 0) missing.push('load/<profile>/summary.json');
  const selfcheck = existsSync(join(dir, 'selfcheck/summary.json')) ? readJson<SelfcheckSummary>(join(dir, 'selfcheck/summary.json'), missing, 'selfcheck/summary.json') : undefined;
  return { dir, coverage, tests, contractStats: results?.stats, load, selfcheck, missing };
}
