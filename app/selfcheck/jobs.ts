/**
 * The child runs of a self-check: the baselines (correct emulator) and one run per variant, each with
 * its own report dir under reports/selfcheck/<name>/ and an environment that always targets the
 * embedded emulator.
 */
import { join } from 'node:path';
import { CODE_ROOT, codeFile } from '../../src/core/paths.ts';
import type { CatalogueVariant } from '../../src/emulator/variants/index.ts';
import { VARIANT_ENV } from '../../src/emulator/variants/select.ts';
import type { Job, KilledBy } from './types.ts';

/** The CLI entry of this mode: bin/ from source (registers tsx), dist/bin/ compiled (plain node). */
export const CLI = join(CODE_ROOT, 'bin/tcim-harness.js');
/** The catalogue module handed to the suites (TCIM_EMULATOR_VARIANT_MODULE), so they resolve every variant. */
export const CATALOGUE_MODULE = codeFile('src/emulator/variants/catalogue.ts');

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

/**
 * `module`: the variants module the child resolves the name in; null = the built-in lookup (select.ts:
 * the mutant catalogue, then the benign one).
 */
export function childEnv(base: Record<string, string | undefined>, reportDir: string, workers: number, variant: string | undefined, module: string | null = CATALOGUE_MODULE): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('TCIM_') || PASS_THROUGH.has(k)) env[k] = v;
  env.TCIM_REPORT_DIR = reportDir;
  env.TCIM_WORKERS = String(workers);
  if (variant !== undefined) {
    env[VARIANT_ENV.VARIANT] = variant;
    if (module !== null) env[VARIANT_ENV.VARIANT_MODULE] = module;
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

/**
 * Workers of a run of a few selected tests (seenBy, confirmation): one. It stops at the first failure
 * anyway, and a second worker process would cost more CPU to start than it saves — CPU the runs beside it need.
 */
const FEW_TESTS_WORKERS = 1;

/** `--grep` of a variant's `seenBy` patterns (each a regular expression of its own), or undefined without any. */
export function seenByGrep(v: CatalogueVariant): string | undefined {
  const patterns = v.killedBy === 'contracts' ? (v.seenBy ?? []).filter((p) => p.trim() !== '') : [];
  return patterns.length ? patterns.map((p) => `(?:${p})`).join('|') : undefined;
}

/**
 * The first run of a contracts variant with `seenBy`: only the tests that can see it (stopping at the
 * first failure), in the variant's own report dir. Undefined when the variant declares none.
 */
export function focusedJob(v: CatalogueVariant, s: JobSettings): Job | undefined {
  const grep = seenByGrep(v);
  if (grep === undefined) return undefined;
  const base = variantJob(v, s);
  const env = childEnv(s.baseEnv ?? process.env, base.reportDir, FEW_TESTS_WORKERS, v.name);
  return { ...base, args: [s.cli ?? CLI, 'contracts', '--report-dir', base.reportDir, '--grep', grep, ...CONTRACTS_STOP_EARLY], env };
}

/** The whole-suite run of a variant whose `seenBy` tests did not kill it: `<name>/full`. */
export function fullSuiteJob(v: CatalogueVariant, s: JobSettings): Job {
  const base = variantJob(v, s);
  const reportDir = join(base.reportDir, 'full');
  const cli = s.cli ?? CLI;
  return { ...base, name: `${v.name}.full`, reportDir, args: [cli, 'contracts', '--report-dir', reportDir, ...CONTRACTS_STOP_EARLY], env: childEnv(s.baseEnv ?? process.env, reportDir, s.workers, v.name) };
}

/**
 * A run of a benign variant through `suite`: always the whole suite, never stopped early (a false failure
 * can be anywhere, and all of them are worth listing), under reports/selfcheck/benign/<name>/<suite>/. The
 * variant is found by the built-in lookup (no TCIM_EMULATOR_VARIANT_MODULE).
 */
export function benignJob(v: { name: string; description: string }, suite: KilledBy, s: JobSettings): Job {
  const reportDir = join(s.selfcheckDir, 'benign', v.name, suite);
  const cli = s.cli ?? CLI;
  const args = suite === 'contracts' ? [cli, 'contracts', '--report-dir', reportDir] : [cli, ...LOAD_OVER_ARGS, '--report-dir', reportDir];
  return { name: `benign.${v.name}${suite === 'contracts' ? '' : `.${suite}`}`, description: v.description, suite, variant: v.name, reportDir, args, env: childEnv(s.baseEnv ?? process.env, reportDir, s.workers, v.name, null) };
}

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
    env: childEnv(s.baseEnv ?? process.env, reportDir, grep === undefined ? s.workers : FEW_TESTS_WORKERS, v.name),
  };
}
