/**
 * Several variants in one Playwright run (contracts/support/batch.ts): the mutants' seenBy tests, each
 * mutant in a project of its own with its own emulator, a failed test re-run once in a fresh worker (the
 * kill confirmation); or the benign variants' whole suites. The per-run start-up (the CLI, Playwright,
 * loading the spec files) is paid once per batch instead of once or twice per variant.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BATCH_ENV, CONTRACTS_ENV, PLAYWRIGHT_CONFIG, readContractResults, type BatchEntry, type BatchPlan, type ContractTest } from '../../contracts/index.ts';
import { projectDir } from '../../src/core/paths.ts';
import { spawnBounded } from './child.ts';
import { lastLine } from './classify.ts';
import { CATALOGUE_MODULE, childEnv } from './jobs.ts';
import { contractTargetVariant } from './results.ts';
import type { ChildResult } from './types.ts';

const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

export interface BatchSpec {
  /** reports/selfcheck/<name>/: the plan, results.json and the log. */
  name: string;
  dir: string;
  entries: BatchEntry[];
  /** Global Playwright workers (every entry's workers share them). */
  workers: number;
  /** The variants module (mutants); undefined: the built-in lookup (benign variants). */
  variantModule?: string;
  timeoutMs: number;
  baseEnv: Record<string, string | undefined>;
  /** At the lowest CPU priority: the load runs go on beside the batch (child.ts). */
  background?: boolean;
}

export interface BatchOutcome {
  child: ChildResult;
  /** Tests of the whole batch (undefined when no results.json could be read: `problem` says why). */
  tests?: ContractTest[];
  problem?: string;
  /** Entries whose target.json does not name their variant (the variant was maybe not applied). */
  unconfirmed: Set<string>;
}

/** A focused entry of a mutant: its seenBy tests, a failed test re-run `retries` times in a fresh worker. */
export const focusedEntry = (name: string, grep: string[], retries: number, reportDir: string): BatchEntry => ({ key: name, variant: name, kind: 'focused', grep, retries, workers: 1, reportDir });

/** A whole-suite entry of a benign variant. */
export const suiteEntry = (name: string, workers: number, reportDir: string): BatchEntry => ({ key: name, variant: name, kind: 'suite', workers, reportDir });

/** Time bound of a batch: one run's bound per round of `workers` entries. */
export const batchTimeoutMs = (entries: number, workers: number, perRunMs: number): number => perRunMs * Math.max(1, Math.ceil(entries / Math.max(1, workers)));

export async function executeBatch(b: BatchSpec, logDir: string): Promise<BatchOutcome> {
  rmSync(b.dir, { recursive: true, force: true });
  mkdirSync(b.dir, { recursive: true });
  for (const e of b.entries) rmSync(e.reportDir, { recursive: true, force: true });
  const plan: BatchPlan = { entries: b.entries, ...(b.variantModule ? { variantModule: b.variantModule } : {}) };
  const planFile = join(b.dir, 'plan.json');
  writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);
  const env = childEnv(b.baseEnv, b.dir, b.workers, undefined);
  env[BATCH_ENV.PLAN] = planFile;
  env[CONTRACTS_ENV.TARGET] = 'emulator';
  env[CONTRACTS_ENV.PARTIAL] = '1';
  const child = await spawnBounded({ command: process.execPath, args: [PLAYWRIGHT, 'test', '-c', PLAYWRIGHT_CONFIG], cwd: projectDir(), env, timeoutMs: b.timeoutMs, logFile: join(logDir, `${b.name}.log`), background: b.background === true });
  const results = readContractResults(b.dir);
  const unconfirmed = new Set(b.entries.filter((e) => contractTargetVariant(e.reportDir) !== e.variant).map((e) => e.key));
  const problem = results.problems['results.json']?.problem;
  if (problem || !results.report) return { child, problem: `${problem ?? 'no results'}; ${lastLine(child.outputTail)}`, unconfirmed };
  return { child, tests: results.tests, unconfirmed };
}

export { CATALOGUE_MODULE };
