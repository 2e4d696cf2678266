/**
 * Run settings of the contract suites, read from the environment once and shared by the Playwright
 * config (main and worker processes), globalSetup, the fixtures and the `contracts` CLI command.
 * Every bad value is a ConfigError naming the variable (the CLI turns it into exit code 2).
 */
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { parsePositiveNumber, parseWholeNumber } from '../../src/core/numbers.ts';
import { projectDir } from '../../src/core/paths.ts';
import { VARIANT_ENV } from '../../src/emulator/variants/select.ts';
import { ConfigError, ENV, assertTargetAllowed, loadTargetConfig, parseAdmin, parseSdkAppId } from '../../src/client/config.ts';

/** Variables of the contract suites (on top of the client's ENV; the variant's are VARIANT_ENV). */
export const CONTRACTS_ENV = {
  /** Internal: 'emulator' | 'staging', decided once in the main process (TCIM_BASE_URL set → staging). */
  TARGET: 'TCIM_CONTRACTS_TARGET',
  RUN_ID: 'TCIM_RUN_ID',
  WORKERS: 'TCIM_WORKERS',
  STRICT: 'TCIM_STRICT',
  REPORT_DIR: 'TCIM_REPORT_DIR',
  /** Internal: set by the CLI when --grep selects a subset; the coverage gate is then "partial". */
  PARTIAL: 'TCIM_CONTRACTS_PARTIAL',
  /** Folders of a team's own specs (path.delimiter-separated, absolute): `--specs DIR` / `specs` in the config. */
  SPECS: 'TCIM_SPECS',
} as const;

export type TargetKind = 'emulator' | 'staging';
type Env = Record<string, string | undefined>;

export const DEFAULT_RATE_BUDGET = 150;
const RUN_ID = /^[a-z0-9]{4,12}$/;

export interface RunSettings {
  kind: TargetKind;
  runId: string;
  /** Calls per second for the whole run (all workers together). */
  budget: number;
  workers: number;
  perWorkerBudget: number;
  /** Unknown response fields fail (emulator, --strict) instead of being drift warnings (staging). */
  strict: boolean;
  reportDir: string;
  ledgerDir: string;
  partial: boolean;
}

export const newRunId = (): string => (Date.now().toString(36).slice(-5) + randomBytes(2).toString('hex').slice(0, 3)).toLowerCase();

export function targetKind(env: Env = process.env): TargetKind {
  const set = env[CONTRACTS_ENV.TARGET];
  if (set === 'emulator' || set === 'staging') return set;
  if (set) throw new ConfigError(`${CONTRACTS_ENV.TARGET}="${set}" is internal and must be "emulator" or "staging"; unset it`);
  return env[ENV.BASE_URL] ? 'staging' : 'emulator';
}

/** Highest TCIM_RATE_BUDGET and TCIM_WORKERS accepted: beyond them a setting is a typo, not a plan. */
const MAX_BUDGET = 10_000;
const MAX_WORKERS = 64;

export function resolveReportDir(env: Env = process.env): string {
  const dir = env[CONTRACTS_ENV.REPORT_DIR] || 'reports/contracts';
  return isAbsolute(dir) ? dir : resolve(projectDir(), dir);
}

/**
 * Workers when TCIM_WORKERS is not given: one per CALLS_PER_WORKER calls/s of the budget, at most
 * MAX_DEFAULT_WORKERS. A test calls one after the other, so against a target 200 ms away a worker makes
 * about 5 calls/s and the budget, shared by all workers, is far from spent: more workers are what
 * shortens the run there. On loopback the budget still paces every worker; the cap keeps the worker
 * processes within what a 2-core CI runner starts quickly.
 */
const CALLS_PER_WORKER = 25;
const MAX_DEFAULT_WORKERS = 8;
export const defaultWorkers = (budget: number): number => Math.min(MAX_DEFAULT_WORKERS, Math.max(1, Math.round(budget / CALLS_PER_WORKER)));

/** Pure: reads and validates; TCIM_RUN_ID must already be set (see ensureRunId). */
export function resolveRunSettings(env: Env = process.env): RunSettings {
  const kind = targetKind(env);
  const runId = env[CONTRACTS_ENV.RUN_ID] ?? '';
  if (!RUN_ID.test(runId)) throw new ConfigError(`${CONTRACTS_ENV.RUN_ID}="${runId}" must be 4 to 12 lower-case letters or digits (it goes into every account and group name)`);
  const budget = parsePositiveNumber(ENV.RATE_BUDGET, env[ENV.RATE_BUDGET], { max: MAX_BUDGET, fallback: DEFAULT_RATE_BUDGET, unit: 'calls per second' });
  const workers = parseWholeNumber(CONTRACTS_ENV.WORKERS, env[CONTRACTS_ENV.WORKERS], { min: 1, max: MAX_WORKERS, fallback: defaultWorkers(budget) });
  const strictVar = env[CONTRACTS_ENV.STRICT];
  if (strictVar !== undefined && !['', '0', '1', 'true', 'false'].includes(strictVar)) throw new ConfigError(`${CONTRACTS_ENV.STRICT}="${strictVar}" must be 1 or 0`);
  const reportDir = resolveReportDir(env);
  return {
    kind,
    runId,
    budget,
    workers,
    perWorkerBudget: budget / workers,
    strict: kind === 'emulator' || strictVar === '1' || strictVar === 'true',
    reportDir,
    ledgerDir: join(reportDir, '.ledger'),
    partial: env[CONTRACTS_ENV.PARTIAL] === '1',
  };
}

/** Generates TCIM_RUN_ID unless given, so every process of the run shares it. */
export function ensureRunId(env: Env = process.env): string {
  env[CONTRACTS_ENV.RUN_ID] ||= newRunId();
  return env[CONTRACTS_ENV.RUN_ID] as string;
}

/**
 * The production guard and target checks, before anything starts. Staging: the full target config and
 * TCIM_ALLOWED_SDKAPPIDS. Emulator: the optional TCIM_SDKAPPID / TCIM_ADMIN must still be valid.
 */
export function checkTarget(env: Env = process.env): void {
  if (targetKind(env) === 'staging') {
    const config = loadTargetConfig(env);
    assertTargetAllowed(config, env);
    return;
  }
  if (env[ENV.SDKAPPID]) parseSdkAppId(env[ENV.SDKAPPID]);
  if (env[ENV.ADMIN]) parseAdmin(env[ENV.ADMIN]);
  if (env[VARIANT_ENV.VARIANT_MODULE] && !env[VARIANT_ENV.VARIANT]) throw new ConfigError(`${VARIANT_ENV.VARIANT_MODULE} is set but ${VARIANT_ENV.VARIANT} (the variant name) is not`);
}
