/**
 * reports/history/load.jsonl: one HistoryRecord per line, appended after every load run, validated
 * against schemas/history.schema.json on write and on read. A bad line is reported by its number,
 * never thrown as a stack trace; the reader decides whether it matters (a baseline needs the file whole).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_ROOT } from '../../src/core/paths.ts';
import { fileValidator } from '../../src/schema/index.ts';
import type { HistoryRecord } from './record.ts';

export const HISTORY_SCHEMA_FILE = join(CODE_ROOT, 'schemas/history.schema.json');
/** The history of load runs under a reports root: <root>/history/load.jsonl. */
export const HISTORY_PATH = join('history', 'load.jsonl');

/** The history file of a load run whose base report folder is `loadBase` (e.g. reports/load → reports/history/load.jsonl). */
export const historyFileFor = (loadBase: string): string => join(dirname(loadBase), HISTORY_PATH);


/** Problems of one record against the history schema ([] when valid). */
export function historyProblems(value: unknown): string[] {
  const validator = fileValidator(HISTORY_SCHEMA_FILE);
  if (validator(value)) return [];
  return (validator.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

export class HistoryInvalidError extends Error {
  override name = 'HistoryInvalidError';
}

/** Appends one record; throws HistoryInvalidError (nothing written) when it does not match the schema. */
export function appendHistory(file: string, record: HistoryRecord): void {
  const problems = historyProblems(record);
  if (problems.length) throw new HistoryInvalidError(`history line for ${file} does not match schemas/history.schema.json: ${problems.join('; ')}`);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}

export interface HistoryRead {
  file: string;
  /** Valid records with their 1-based line numbers, in file order (oldest first). */
  records: { line: number; record: HistoryRecord }[];
  /** Lines that are not valid records: "line 7: not JSON (…)". */
  problems: { line: number; message: string }[];
}

/** Reads a history file; a missing file reads as empty. Blank lines are skipped. */
export function readHistory(file: string): HistoryRead {
  const out: HistoryRead = { file, records: [], problems: [] };
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.problems.push({ line, message: `not JSON (${(e as Error).message})` });
      return;
    }
    const problems = historyProblems(value);
    if (problems.length) out.problems.push({ line, message: `not a history record: ${problems.join('; ')}` });
    else out.records.push({ line, record: value as HistoryRecord });
  });
  return out;
}

/** "reports/history/load.jsonl line 3: not JSON (…); line 9: …" */
export const problemsText = (h: HistoryRead): string => `${h.file} ${h.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`;

/** The newest `n` records of each profile, oldest first. */
export function recentByProfile(h: HistoryRead, n: number): Map<string, HistoryRecord[]> {
  const out = new Map<string, HistoryRecord[]>();
  for (const { record } of h.records) out.set(record.profile, [...(out.get(record.profile) ?? []), record]);
  for (const [p, list] of out) out.set(p, list.slice(-n));
  return out;
}
