/**
 * Run settings of the contract suites, read from the environment once and shared by the Playwright
 * config (main and worker processes), globalSetup, the fixtures and the `contracts` CLI command.
 * Every bad value is a ConfigError naming the variable (the CLI turns it into exit code 2).
 */
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { ConfigError, ENV, assertTargetAllowed, loadTargetConfig, parseAdmin, parseSdkAppId } from '../../src/client/config.ts';

/** Variables of the contract suites (on top of the client's ENV). */
export const CENV = {
  /** Internal: 'emulator' | 'staging', decided once in the main process (TCIM_BASE_URL set → staging). */
  TARGET: 'TCIM_CONTRACTS_TARGET',
  RUN_ID: 'TCIM_RUN_ID',
  WORKERS: 'TCIM_WORKERS',
  STRICT: 'TCIM_STRICT',
  REPORT_DIR: 'TCIM_REPORT_DIR',
  /** Internal: set by the CLI when --grep selects a subset; the coverage gate is then "partial". */
  PARTIAL: 'TCIM_CONTRACTS_PARTIAL',
  VARIANT: 'TCIM_EMULATOR_VARIANT',
  VARIANT_MODULE: 'TCIM_EMULATOR_VARIANT_MODULE',
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
  const set = env[CENV.TARGET];
  if (set === 'emulator' || set === 'staging') return set;
  if (set) throw new ConfigError(`${CENV.TARGET}="${set}" is internal and must be "emulator" or "staging"; unset it`);
  return env[ENV.BASE_URL] ? 'staging' : 'emulator';
}

function positive(env: Env, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v) || !(Number(v) > 0) || Number(v) > max) {
    throw new ConfigError(`${name}="${v}" must be a positive number${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}`);
  }
  return Number(v);
}

export function resolveReportDir(env: Env = process.env): string {
  const dir = env[CENV.REPORT_DIR] || 'reports/contracts';
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

/** Pure: reads and validates; TCIM_RUN_ID must already be set (see ensureRunId). */
export function resolveRunSettings(env: Env = process.env): RunSettings {
  const kind = targetKind(env);
  const runId = env[CENV.RUN_ID] ?? '';
  if (!RUN_ID.test(runId)) throw new ConfigError(`${CENV.RUN_ID}="${runId}" must be 4 to 12 lower-case letters or digits (it goes into every account and group name)`);
  const budget = positive(env, ENV.RATE_BUDGET, DEFAULT_RATE_BUDGET, 10_000);
  const workers = Math.floor(positive(env, CENV.WORKERS, Math.min(8, Math.max(1, Math.round(budget / 40))), 64));
  const strictVar = env[CENV.STRICT];
  if (strictVar !== undefined && !['', '0', '1', 'true', 'false'].includes(strictVar)) throw new ConfigError(`${CENV.STRICT}="${strictVar}" must be 1 or 0`);
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
    partial: env[CENV.PARTIAL] === '1',
  };
}

/** Generates TCIM_RUN_ID unless given, so every process of the run shares it. */
export function ensureRunId(env: Env = process.env): string {
  env[CENV.RUN_ID] ||= newRunId();
  return env[CENV.RUN_ID] as string;
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
  if (env[CENV.VARIANT_MODULE] && !env[CENV.VARIANT]) throw new ConfigError(`${CENV.VARIANT_MODULE} is set but ${CENV.VARIANT} (the variant name) is not`);
}
