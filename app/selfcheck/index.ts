/**
 * Mutation self-check: does the harness notice a wrong server, and pass every server the docs allow? (see
 * run.ts, the mutant catalogue src/emulator/variants/catalogue.ts and the benign one src/emulator/variants/benign/)
 */
export { runSelfcheck, executeJob, type SelfcheckOptions } from './run.ts';
export { readSelfcheckSummary, buildSummary, writeSelfcheckReports, SelfcheckSummaryError } from './summary.ts';
export { classifyVariant, classifyBaseline, confirmKill } from './classify.ts';
export { renderJUnit } from './junit.ts';
export { renderTable } from './format.ts';
export { failedTestsFromPlaywright, failedChecksFromLoadSummary } from './results.ts';
export { BASELINE, BASELINE_LOAD, confirmGrep, seenByGrep } from './jobs.ts';
export { benignCatalogue, benignSuites, classifyBenignRun, benignResult, type BenignVariant } from './benign.ts';
export type * from './types.ts';
