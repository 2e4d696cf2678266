/**
 * The contract side's one public entry: the application (the `contracts` and `run` commands, the
 * self-check) imports contracts/ only through this module; specs, support and set-up stay internal.
 */
import { fileURLToPath } from 'node:url';
import { CODE_EXT } from '../src/core/paths.ts';

/** The Playwright config the application hands to `playwright test --config`. */
export const PLAYWRIGHT_CONFIG = fileURLToPath(new URL(`./playwright.config${CODE_EXT}`, import.meta.url));
// Results of a run: one reader, one verdict (the contracts command, the combined report and the self-check share them).
export { readContractResults, type ContractResults } from './results/read.ts';
export { judge, verdictWord, type CoverageFile, type JsonReport, type Verdict, type VerdictWord } from './results/verdict.ts';
export type { Attachment, ContractTest, TestOutcome } from './results/playwright.ts';
export type { Cell as CoverageCell } from './coverage/matrix.ts';
export { loadExpectations } from './expectations.ts';
export { CONTRACTS_ENV, checkTarget, ensureRunId, resolveRunSettings, targetKind } from './support/env.ts';
// Several emulator variants judged in one Playwright run (the self-check).
export { BATCH_ENV, EVIDENCE_KILL, SELFCHECK_KILL, type BatchEntry, type BatchPlan } from './support/batch.ts';
// How a target writes StandardMark, read from one probed bit (the calibrate command asks the same question).
export { c2c, formOf, MARK_PROBE_BIT, type MarkForm } from './support/items.ts';
// The run-scoped name of a C2C peer (calibrate's probes name theirs the same way).
export { peerName } from './support/names.ts';
