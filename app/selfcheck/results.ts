/**
 * Failures recorded by a child run: failed tests from the contracts' Playwright JSON report
 * (`<dir>/results.json`, read and judged by the contracts' own reader and verdict, as `tcim-harness
 * contracts` does), or failed checks from the load summary (`summary.json` of kind `tcim-load-summary`,
 * anywhere under the job's report dir).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, readContractResults, type JsonReport } from '../../contracts/index.ts';

const MAX_LISTED = 50;

export type Failures = { ok: true; failed: string[]; variants?: (string | null)[] } | { ok: false; problem: string };

/**
 * Failed tests of a Playwright JSON report, as the contracts CLI counts them (contracts/results/verdict.ts):
 * tests marked harness error, inconclusive or interrupted are not failures.
 */
export function failedTestsFromPlaywright(report: unknown): string[] {
  return [...new Set(judge(report as JsonReport | undefined, undefined).failed)];
}

const cap = (list: string[]): string[] => (list.length > MAX_LISTED ? [...list.slice(0, MAX_LISTED), `… and ${list.length - MAX_LISTED} more`] : list);

/** A load summary file (the contracts' files go through their own reader). */
function readJson(file: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (e) {
    return { ok: false, problem: `${file} is not readable JSON: ${(e as Error).message}` };
  }
}

export function readContractFailures(reportDir: string): Failures {
  const r = readContractResults(reportDir);
  const problem = r.problems['results.json'];
  return problem ? { ok: false, problem: problem.problem } : { ok: true, failed: cap([...new Set(r.verdict.failed)]) };
}

interface LoadCheck {
  name?: string;
  command?: string;
  passed?: boolean;
  observed?: string;
  expected?: string;
}

/** Failed checks of a load summary, as `<command> <check>: observed <o>, expected <e>`. */
export function failedChecksFromLoadSummary(summary: unknown): string[] {
  const checks = (summary as { checks?: LoadCheck[] } | undefined)?.checks ?? [];
  return checks.filter((c) => c.passed === false).map((c) => `${c.command ?? 'run'} ${c.name ?? '(check)'}: observed ${c.observed ?? '?'}, expected ${c.expected ?? '?'}`);
}

/** The emulator variant a load summary says it ran against (`target.variant` or `emulator.variant`), else null. */
export function loadSummaryVariant(summary: unknown): string | null {
  const s = summary as { target?: { variant?: unknown }; emulator?: { variant?: unknown } | null } | undefined;
  const v = s?.target?.variant ?? s?.emulator?.variant;
  return typeof v === 'string' ? v : null;
}

function findLoadSummaries(dir: string, depth = 3): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...findLoadSummaries(p, depth - 1));
    else if (d.name === 'summary.json') out.push(p);
  }
  return out;
}

export function readLoadFailures(reportDir: string): Failures {
  const failed: string[] = [];
  const variants: (string | null)[] = [];
  for (const file of findLoadSummaries(reportDir)) {
    const r = readJson(file);
    if (!r.ok || (r.value as { kind?: unknown })?.kind !== 'tcim-load-summary') continue;
    variants.push(loadSummaryVariant(r.value));
    failed.push(...failedChecksFromLoadSummary(r.value));
  }
  if (variants.length === 0) return { ok: false, problem: `no load summary.json (kind tcim-load-summary) under ${reportDir}` };
  return { ok: true, failed: cap(failed), variants };
}

/**
 * The emulator variant a contracts run says it ran against (`target.json` of its global setup): the name,
 * null for the correct emulator, undefined when the file is missing or unreadable.
 */
export function contractTargetVariant(reportDir: string): string | null | undefined {
  const file = join(reportDir, 'target.json');
  if (!existsSync(file)) return undefined;
  const r = readJson(file);
  const v = r.ok ? (r.value as { variant?: unknown } | null)?.variant : undefined;
  return typeof v === 'string' || v === null ? v : undefined;
}
