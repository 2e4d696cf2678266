/**
 * What a load run keeps beyond its own reports: its line in the history (reports/history/load.jsonl),
 * the comparison with a baseline run, and its metrics for dashboards (--openmetrics, --push).
 * `prepareTracking` runs before the attack, so a bad baseline, tolerance or URL is exit 2 up front.
 */
import { compareRuns, baselineChecks } from './history/compare.ts';
import { findBaseline } from './history/baseline.ts';
import { appendHistory, historyFileFor } from './history/file.ts';
import { historyRecord, type HistoryRecord } from './history/record.ts';
import { DEFAULT_TOLERANCES, parseTolerances, toleranceValues, type BaselineTolerances } from './history/tolerances.ts';
import { checkPushUrl, MetricsPushError, pushMetrics, writeOpenMetrics } from './metrics/export.ts';
import type { CheckResult } from './analyse/thresholds.ts';
import { LoadConfigError } from './plan/commands.ts';
import type { BaselineBlock, LoadSummary } from './report/summary.ts';

export interface TrackingOptions {
  /** `last` (the newest earlier run of the profile in the history) or the path of a history file / summary.json. */
  baseline?: string;
  /** Tolerance specs applied in order over the defaults (config first, then the flag); `source` names them in errors. */
  tolerances?: { spec: string; source: string }[];
  /** The history file; default <report base>/../history/load.jsonl; false: none is written. */
  history?: string | false;
  /** Pushgateway base URL. */
  push?: string;
  /** OpenMetrics text file to write. */
  openmetrics?: string;
}

export interface Tracking {
  historyFile: string | null;
  tolerances: BaselineTolerances;
  baseline?: { record: HistoryRecord; source: string };
  notice?: string;
  push?: string;
  openmetrics?: string;
}

export function prepareTracking(o: TrackingOptions, profile: string, loadBase: string, segmented: boolean): Tracking {
  let tolerances = DEFAULT_TOLERANCES;
  for (const t of o.tolerances ?? []) tolerances = parseTolerances(t.spec, t.source, tolerances);
  const historyFile = o.history === false || segmented ? null : (o.history ?? historyFileFor(loadBase));
  const out: Tracking = { historyFile, tolerances, ...(o.openmetrics ? { openmetrics: o.openmetrics } : {}), ...(o.push ? { push: checkPushUrl(o.push) } : {}) };
  if (o.baseline !== undefined && segmented) throw new LoadConfigError('--baseline compares whole runs; a segment carries only its share of the rate (compare the merged run instead)');
  if (o.baseline !== undefined) {
    const found = findBaseline(o.baseline, profile, typeof o.history === 'string' ? o.history : historyFileFor(loadBase));
    if (found.record && found.source) out.baseline = { record: found.record, source: found.source };
    if (found.notice) out.notice = found.notice;
  }
  return out;
}

/** The baseline block and checks of a run (none when no baseline was asked for or the run judged nothing). */
export function judgeBaseline(t: Tracking, s: LoadSummary, asked: boolean): { block: BaselineBlock; checks: CheckResult[] } | undefined {
  if (!asked) return undefined;
  const tolerances = toleranceValues(t.tolerances);
  if (!t.baseline) return { block: { against: null, tolerances, comparisons: [], notes: [t.notice ?? 'no baseline found'] }, checks: [] };
  const b = t.baseline.record;
  const against = { runId: b.runId, startedAt: b.startedAt, profile: b.profile, target: b.target, source: t.baseline.source };
  if (s.verdict === 'inconclusive') return { block: { against, tolerances, comparisons: [], notes: ['this run was inconclusive: nothing compared'] }, checks: [] };
  const r = compareRuns(historyRecord(s), b, t.tolerances);
  return { block: { against, tolerances, comparisons: r.comparisons, notes: r.notes }, checks: baselineChecks(r, b) };
}

export interface TrackResult {
  history?: string;
  openmetrics?: string;
  pushed?: string;
  /** Why the push failed (exit 2). */
  pushError?: string;
}

/** After the reports: the history line, the OpenMetrics file, the push. Only the push may fail (reported, not thrown). */
export async function recordRun(t: Tracking, s: LoadSummary, log: (line: string) => void): Promise<TrackResult> {
  const out: TrackResult = {};
  if (t.historyFile) {
    appendHistory(t.historyFile, historyRecord(s));
    out.history = t.historyFile;
  }
  if (t.openmetrics) out.openmetrics = writeOpenMetrics(t.openmetrics, s);
  if (t.push) {
    try {
      out.pushed = await pushMetrics(t.push, s);
      log(`metrics pushed to ${out.pushed}`);
    } catch (e) {
      if (!(e instanceof MetricsPushError)) throw e;
      out.pushError = e.message;
    }
  }
  return out;
}
