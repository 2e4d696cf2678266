/** Mutation self-check: does the harness notice a wrong server? (see run.ts, and the catalogue src/emulator/variants/catalogue.ts) */
export { runSelfcheck, executeJob, type SelfcheckOptions } from './run.ts';
export { readSelfcheckSummary, buildSummary, writeSelfcheckReports, SelfcheckSummaryError } from './summary.ts';
export { classifyVariant, classifyBaseline, confirmKill } from './classify.ts';
export { renderJUnit } from './junit.ts';
export { renderTable } from './format.ts';
export { failedTestsFromPlaywright, failedChecksFromLoadSummary } from './results.ts';
export { BASELINE, BASELINE_LOAD, confirmGrep } from './jobs.ts';
export type * from './types.ts';
