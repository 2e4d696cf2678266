/**
 * The contract side's one public entry: the application (the `contracts` and `run` commands, the
 * self-check) imports contracts/ only through this module; specs, support and set-up stay internal.
 */
import { fileURLToPath } from 'node:url';

/** The Playwright config the application hands to `playwright test --config`. */
export const PLAYWRIGHT_CONFIG = fileURLToPath(new URL('./playwright.config.ts', import.meta.url));
export { judge, readJson, type CoverageFile, type JsonReport, type Verdict } from './results/verdict.ts';
export { loadExpectations } from './expectations.ts';
export { CENV, checkTarget, ensureRunId, resolveRunSettings, targetKind } from './support/env.ts';
