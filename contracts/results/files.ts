/**
 * Reading one result file of a contracts run. A missing file and an unreadable one are told apart:
 * the self-check reports which, and the combined report lists them as missing parts.
 */
import { existsSync, readFileSync } from 'node:fs';

export type FileRead<T> = { ok: true; value: T } | { ok: false; missing: boolean; problem: string };

export function readResultFile<T>(file: string): FileRead<T> {
  if (!existsSync(file)) return { ok: false, missing: true, problem: `no ${file}` };
  try {
    return { ok: true, value: JSON.parse(readFileSync(file, 'utf8')) as T };
  } catch (e) {
    return { ok: false, missing: false, problem: `${file} is not readable JSON: ${(e as Error).message}` };
  }
}

/** The parsed file, or undefined when it is missing or not JSON (the verdict then says why). */
export function readJson<T>(file: string): T | undefined {
  const r = readResultFile<T>(file);
  return r.ok ? r.value : undefined;
}
