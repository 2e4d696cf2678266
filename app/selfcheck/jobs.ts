/**
 * The child runs of a self-check: the baselines (correct emulator) and one run per variant, each with
 * its own report dir under reports/selfcheck/<name>/ and an environment that always targets the
 * embedded emulator.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths.ts';
import type { CatalogueVariant } from '../../src/emulator/variants/index.ts';
import { VARIANT_ENV } from '../../src/emulator/variants/select.ts';
import type { Job, KilledBy } from './types.ts';

export const CLI = join(REPO_ROOT, 'bin/tcim-harness.js');
/** The catalogue module handed to the suites (TCIM_EMULATOR_VARIANT_MODULE), so they resolve every variant. */
export const CATALOGUE_MODULE = join(REPO_ROOT, 'src/emulator/variants/catalogue.ts');

export const BASELINE = 'baseline';
export const BASELINE_LOAD = 'baseline-load';

/**
 * A variant only needs one failed test: Playwright stops after the first failure. `tcim-harness contracts`
 * has no flag for it yet; its positionals go to Playwright unchanged, so the option travels after `--`
 * (which also marks the run partial: the coverage gate is skipped, irrelevant for a variant).
 */
export const CONTRACTS_STOP_EARLY = ['--', '--max-failures=1'];
/** `tcim-harness load` writes `<report-dir>/over/summary.json`. */
export const LOAD_OVER_ARGS = ['load', '--profile', 'over', '--duration', '5s'];

/**
 * TCIM_* variables that may pass through to the children. Everything else of TCIM_* is dropped: the
 * self-check always judges the embedded emulator with the documented defaults (no TCIM_BASE_URL,
 * no credentials, no expectation overrides meant for a staging target, a fresh run id per child).
 */
const PASS_THROUGH = new Set(['TCIM_VEGETA', 'TCIM_RATE_BUDGET']);

export interface JobSettings {
  selfcheckDir: string;
  /** The tcim-harness entry script (default bin/tcim-harness.js). */
  cli?: string;
  /** Playwright workers per contracts run (TCIM_WORKERS). */
  workers: number;
  baseEnv?: Record<string, string | undefined>;
}

export function childEnv(base: Record<string, string | undefined>, reportDir: string, workers: number, variant: string | undefined): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('TCIM_') || PASS_THROUGH.has(k)) env[k] = v;
  env.TCIM_REPORT_DIR = reportDir;
  env.TCIM_WORKERS = String(workers);
  if (variant !== undefined) {
    env[VARIANT_ENV.VARIANT] = variant;
    env[VARIANT_ENV.VARIANT_MODULE] = CATALOGUE_MODULE;
  }
  return env;
}

function job(name: string, description: string, suite: KilledBy, variant: string | undefined, s: JobSettings): Job {
  const reportDir = join(s.selfcheckDir, name);
  const cli = s.cli ?? CLI;
  const args = suite === 'contracts' ? [cli, 'contracts', '--report-dir', reportDir, ...(variant === undefined ? [] : CONTRACTS_STOP_EARLY)] : [cli, ...LOAD_OVER_ARGS, '--report-dir', reportDir];
  return { name, description, suite, variant, reportDir, args, env: childEnv(s.baseEnv ?? process.env, reportDir, s.workers, variant) };
}

export const baselineJob = (suite: KilledBy, s: JobSettings): Job =>
  suite === 'contracts'
    ? job(BASELINE, 'the correct emulator through the contract suite', 'contracts', undefined, s)
    : job(BASELINE_LOAD, 'the correct emulator through the load profile over', 'load-over', undefined, s);

export const variantJob = (v: CatalogueVariant, s: JobSettings): Job => job(v.name, v.description, v.killedBy, v.name, s);

const MAX_CONFIRM_TESTS = 5;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `--grep` for re-running the failed tests of a kill: their own titles (the last ` › ` segment of
 * `[project] file › describe › title`), setup/teardown projects left out (they always run). Undefined
 * when no test qualifies: the confirmation then re-runs the whole suite.
 */
export function confirmGrep(failedTests: readonly string[]): string | undefined {
  const titles = failedTests
    .filter((t) => !/^\[(setup|teardown)\] /.test(t) && !t.startsWith('… and '))
    .map((t) => t.split(' › ').at(-1) ?? t)
    .slice(0, MAX_CONFIRM_TESTS);
  return titles.length ? [...new Set(titles)].map(escapeRegExp).join('|') : undefined;
}

/** Re-runs the failed tests of a contracts kill against the same variant (a flaky test must not count as a kill). */
export function confirmJob(v: CatalogueVariant, failedTests: readonly string[], s: JobSettings): Job {
  const base = variantJob(v, s);
  const reportDir = join(base.reportDir, 'confirm');
  const grep = confirmGrep(failedTests);
  const cli = s.cli ?? CLI;
  return {
    ...base,
    name: `${v.name}.confirm`,
    reportDir,
    args: [cli, 'contracts', '--report-dir', reportDir, ...(grep === undefined ? CONTRACTS_STOP_EARLY : ['--grep', grep])],
    env: childEnv(s.baseEnv ?? process.env, reportDir, s.workers, v.name),
  };
}
