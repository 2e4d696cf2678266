/**
 * The load side's one public entry: the application (CLI, combined report, run metadata) and the
 * benchmark import the load side only through this module; everything else in load/ is internal.
 */
export { runLoad, type LoadRunOptions, type LoadRunResult } from './run.ts';
export { mergeSummaries } from './merge.ts';
export { readLoadSummaries, readSummary, writeReports, SummaryInvalidError, type LoadSummaryEntry } from './report/report.ts';
export { summaryProblems, type LoadSummary, type CommandSummary } from './report/summary.ts';
export { formatSummary } from './report/format.ts';
export { PROFILES, type ProfileName } from './plan/profiles.ts';
export { LOAD_COMMANDS, LoadConfigError, parseCommandList, type LoadCommand } from './plan/commands.ts';
export { parseDuration } from './plan/duration.ts';
export { LoadSetupError } from './setup/imcalls.ts';
export { VegetaFailedError } from './generate/attack.ts';
export { resolveVegeta, vegetaVersion, vegetaCacheDir, vegetaCandidates, VegetaMissingError, VEGETA_MODULE, VEGETA_VERSION } from './generate/vegeta.ts';
export { ensureVegeta, installVegeta, moduleVersion } from './generate/vegeta-install.ts';
export { newRunId as newLoadRunId } from './plan/user-pool.ts';
export { ceilingStepCharts, latencyHistogram, latencyOverTime, runStart, throttledOverTime } from './report/charts.ts';
export type { TrackingOptions, TrackResult } from './track.ts';
export { toleranceSpec, parseTolerances, DEFAULT_TOLERANCES, type BaselineTolerances } from './history/tolerances.ts';
export { appendHistory, HistoryInvalidError, readHistory, historyFileFor, problemsText as historyProblemsText, recentByProfile, HISTORY_PATH, type HistoryRead } from './history/file.ts';
export { historyRecord, type HistoryRecord, type HistoryCommand } from './history/record.ts';
export { MetricsPushError, PUSH_JOB } from './metrics/export.ts';
export { METRIC_NAMES } from './metrics/families.ts';
