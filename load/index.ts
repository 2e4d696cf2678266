/** Public entry points of the load side (used by the CLI, the combined report and the benchmark). */
export { runLoad, type LoadRunOptions, type LoadRunResult } from './run.ts';
export { mergeSummaries } from './merge.ts';
export { readLoadSummaries, readSummary, writeReports, type LoadSummaryEntry } from './report.ts';
export { summaryProblems, type LoadSummary, type CommandSummary } from './summary.ts';
export { formatSummary } from './format.ts';
export { PROFILES, type ProfileName } from './profiles.ts';
export { LOAD_COMMANDS, LoadConfigError, type LoadCommand } from './commands.ts';
export { resolveVegeta, VegetaMissingError } from './vegeta.ts';
