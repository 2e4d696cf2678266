/**
 * `--baseline last|PATH`: the run a load run is compared with, found before the run starts (a bad
 * baseline is exit 2 without spending the run). `last` is the newest earlier line of the same profile in
 * the run's history (inconclusive runs are skipped: they measured nothing); none is a notice, not a
 * failure. PATH is a history file (its newest line of the profile), a summary.json of a load run, or
 * the folder holding one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LoadConfigError } from '../plan/commands.ts';
import { summaryProblems, type LoadSummary } from '../report/summary.ts';
import { problemsText, readHistory } from './file.ts';
import { historyProfile, historyRecord, type HistoryRecord } from './record.ts';

export interface BaselineFound {
  record?: HistoryRecord;
  /** Where it came from: "reports/history/load.jsonl line 4" or the summary's path. */
  source?: string;
  /** Set when `last` found nothing: the run goes on without a comparison. */
  notice?: string;
}

function newestOf(file: string, profile: string, flag: string): { record: HistoryRecord; line: number } | undefined {
  const h = readHistory(file);
  if (h.problems.length) throw new LoadConfigError(`${flag}: the history has lines that are not valid records (schemas/history.schema.json); fix or remove them: ${problemsText(h)}`);
  const list = h.records.filter((r) => r.record.profile === profile && r.record.verdict !== 'inconclusive');
  return list[list.length - 1];
}

/** A whole-file JSON object that is not a history line: a summary (checked as such by fromSummary). */
function isSummary(text: string): boolean {
  try {
    const v = JSON.parse(text) as { kind?: unknown } | null;
    return typeof v === 'object' && v !== null && v.kind !== 'tcim-load-history';
  } catch {
    return false;
  }
}

function fromSummary(file: string, profile: string): BaselineFound {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LoadConfigError(`--baseline ${file}: not JSON (${(e as Error).message})`);
  }
  const problems = summaryProblems(data);
  if (problems.length) throw new LoadConfigError(`--baseline ${file}: not a load summary.json (${problems.slice(0, 3).join('; ')})`);
  const s = data as LoadSummary;
  if (historyProfile(s.profile, s.scenario?.name) !== profile) throw new LoadConfigError(`--baseline ${file}: a run of profile ${historyProfile(s.profile, s.scenario?.name)}, this run is ${profile}`);
  if (s.verdict === 'inconclusive') throw new LoadConfigError(`--baseline ${file}: that run was inconclusive (${s.reason ?? 'nothing measured'}); pick another`);
  return { record: historyRecord(s), source: file };
}

/** The baseline record for a run of `profile`; `historyFile` is the run's own history (for `last`). */
export function findBaseline(spec: string, profile: string, historyFile: string): BaselineFound {
  if (spec === 'last') {
    const found = newestOf(historyFile, profile, '--baseline last');
    if (!found) return { notice: `--baseline last: no earlier run of profile ${profile} in ${historyFile}; nothing to compare with (this run is the baseline of the next)` };
    return { record: found.record, source: `${historyFile} line ${found.line}` };
  }
  if (spec.trim() === '') throw new LoadConfigError('--baseline needs "last" or the path of a history file or summary.json');
  if (!existsSync(spec)) throw new LoadConfigError(`--baseline ${spec}: no such file (give "last", a history .jsonl file or a load summary.json)`);
  const file = statSync(spec).isDirectory() ? join(spec, 'summary.json') : spec;
  if (!existsSync(file)) throw new LoadConfigError(`--baseline ${spec}: a folder without summary.json`);
  if (isSummary(readFileSync(file, 'utf8'))) return fromSummary(file, profile);
  const found = newestOf(file, profile, `--baseline ${file}`);
  if (!found) throw new LoadConfigError(`--baseline ${file}: no run of profile ${profile} in it`);
  return { record: found.record, source: `${file} line ${found.line}` };
}
