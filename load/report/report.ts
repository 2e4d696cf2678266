/**
 * Report files of a load run in <dir>: summary.json (validated against summary-schema.json),
 * junit.xml and index.html; and `readLoadSummaries` for the combined report.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../src/client/index.ts';
import { toHtml } from './html.ts';
import { toJUnit } from './junit.ts';
import { summaryProblems, type LoadSummary } from './summary.ts';

export class SummaryInvalidError extends Error {
  override name = 'SummaryInvalidError';
}

export function writeReports(dir: string, summary: LoadSummary): { summary: string; junit: string; html: string } {
  const problems = summaryProblems(summary);
  if (problems.length) throw new SummaryInvalidError(`summary.json does not match load/summary-schema.json: ${problems.join('; ')}`);
  mkdirSync(dir, { recursive: true });
  const files = { summary: join(dir, 'summary.json'), junit: join(dir, 'junit.xml'), html: join(dir, 'index.html') };
  writeFileSync(files.summary, redact(`${JSON.stringify(summary, null, 1)}\n`));
  writeFileSync(files.junit, redact(toJUnit(summary)));
  writeFileSync(files.html, redact(toHtml(summary)));
  return files;
}

export interface LoadSummaryEntry {
  profile: string;
  dir: string;
  summary?: LoadSummary;
  error?: string;
}

/** Reads one summary.json; throws SummaryInvalidError when it is not a valid load summary. */
export function readSummary(dir: string): LoadSummary {
  const file = join(dir, 'summary.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SummaryInvalidError(`${file}: ${(e as Error).message}`);
  }
  const problems = summaryProblems(data);
  if (problems.length) throw new SummaryInvalidError(`${file} is not a load summary: ${problems.join('; ')}`);
  return data as LoadSummary;
}

/**
 * Every load summary under `reportsDir` — either the reports root (reads `<root>/load/<profile>/`)
 * or the load directory itself. Segment subdirectories are left out (their merge is the profile's
 * summary). Sorted by profile; unreadable ones come back with `error`.
 */
export function readLoadSummaries(reportsDir: string): LoadSummaryEntry[] {
  const loadDir = existsSync(join(reportsDir, 'load')) ? join(reportsDir, 'load') : reportsDir;
  if (!existsSync(loadDir)) return [];
  const out: LoadSummaryEntry[] = [];
  for (const d of readdirSync(loadDir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const dir = join(loadDir, d.name);
    if (!existsSync(join(dir, 'summary.json'))) continue;
    try {
      out.push({ profile: d.name, dir, summary: readSummary(dir) });
    } catch (e) {
      out.push({ profile: d.name, dir, error: (e as Error).message });
    }
  }
  return out.sort((a, b) => a.profile.localeCompare(b.profile));
}
