/**
 * The verdict of a contracts run, from Playwright's results.json and the coverage reporter's
 * coverage.json: 0 all passed (and something ran), 1 a contract failed or the coverage gate failed,
 * 2 harness or configuration error (incl. nothing ran), 3 inconclusive (only throttled/unreachable).
 */
import { existsSync, readFileSync } from 'node:fs';

interface JsonTest {
  projectName: string;
  status: 'expected' | 'unexpected' | 'skipped' | 'flaky';
  annotations?: { type: string; description?: string }[];
  results?: { status?: string; errors?: { message?: string }[] }[];
}
interface JsonSuite {
  title: string;
  file?: string;
  specs?: { title: string; tests: JsonTest[] }[];
  suites?: JsonSuite[];
}
export interface JsonReport {
  suites?: JsonSuite[];
  errors?: { message?: string }[];
}
export interface CoverageFile {
  gate: 'pass' | 'fail' | 'incomplete' | 'partial';
  gateReason: string;
  drift?: string[];
  calls?: { target: number; private: number };
}

export interface Verdict {
  exit: 0 | 1 | 2 | 3;
  reason: string;
  counts: { passed: number; failed: number; inconclusive: number; harness: number; skipped: number };
  failed: string[];
  inconclusive: string[];
  harness: string[];
  gate: CoverageFile['gate'] | 'missing';
  gateReason: string;
  drift: number;
}

const SOLO = new Set(['setup', 'teardown']);
/** Failures of the harness's own code loading, not of the target. */
const LOAD_ERROR = /SyntaxError: The requested module|Cannot find module|ERR_MODULE_NOT_FOUND|Error: No tests found/;
const has = (t: JsonTest, type: string): boolean => (t.annotations ?? []).some((a) => a.type === type);
const messages = (t: JsonTest): string => (t.results ?? []).flatMap((r) => (r.errors ?? []).map((e) => e.message ?? '')).join('\n');

function* walk(suite: JsonSuite, path: string[]): Generator<{ title: string; test: JsonTest }> {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) for (const test of spec.tests) yield { title: `[${test.projectName}] ${[...here, spec.title].join(' › ')}`, test };
  for (const child of suite.suites ?? []) yield* walk(child, here);
}

export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function judge(report: JsonReport | undefined, coverage: CoverageFile | undefined): Verdict {
  const v: Verdict = {
    exit: 0,
    reason: '',
    counts: { passed: 0, failed: 0, inconclusive: 0, harness: 0, skipped: 0 },
    failed: [],
    inconclusive: [],
    harness: [],
    gate: coverage?.gate ?? 'missing',
    gateReason: coverage?.gateReason ?? 'coverage.json was not written',
    drift: coverage?.drift?.length ?? 0,
  };
  if (!report) return { ...v, exit: 2, reason: 'Playwright produced no results.json (harness error)' };
  let ranInTarget = 0;
  for (const { title, test } of (report.suites ?? []).flatMap((s) => [...walk(s, [])])) {
    if (test.status !== 'skipped' && !SOLO.has(test.projectName)) ranInTarget++;
    if (test.status === 'skipped') v.counts.skipped++;
    else if (test.status === 'expected') v.counts.passed++;
    else if (has(test, 'harness-error') || has(test, 'config-error') || LOAD_ERROR.test(messages(test))) (v.counts.harness++, v.harness.push(title));
    else if (has(test, 'inconclusive') || /InconclusiveError/.test(messages(test))) (v.counts.inconclusive++, v.inconclusive.push(title));
    else if ((test.results ?? []).some((r) => r.status === 'interrupted')) (v.counts.harness++, v.harness.push(`${title} (interrupted)`));
    else (v.counts.failed++, v.failed.push(title));
  }
  const globalErrors = (report.errors ?? []).map((e) => (e.message ?? '').split('\n')[0] ?? '');
  v.harness.push(...globalErrors.map((m) => `global: ${m}`));
  if (v.counts.failed > 0) return { ...v, exit: 1, reason: `${v.counts.failed} contract test(s) failed` };
  if (v.harness.length > 0) return { ...v, exit: 2, reason: 'harness or configuration error' };
  if (v.gate === 'fail') return { ...v, exit: 1, reason: `coverage gate failed: ${v.gateReason}` };
  if (v.counts.inconclusive > 0) return { ...v, exit: 3, reason: `${v.counts.inconclusive} test(s) inconclusive (throttled beyond the retries or target unreachable); run again` };
  if (ranInTarget === 0) return { ...v, exit: 2, reason: 'nothing ran' };
  if (v.gate === 'incomplete' || v.gate === 'missing') return { ...v, exit: 2, reason: `the run is incomplete: ${v.gateReason}` };
  return { ...v, exit: 0, reason: 'all contract tests passed' };
}
