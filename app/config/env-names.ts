/**
 * The variables the config file fills (when unset) that only the application reads; the others are the
 * client's (src/client ENV), the contract suites' (CONTRACTS_ENV) and the expectations' (src/rules).
 */
export const APP_ENV = {
  /** Path of the config file, like --config (for CI where the command line is fixed). */
  CONFIG: 'TCIM_CONFIG',
  /** Base folder of every report (default reports). */
  REPORTS_DIR: 'TCIM_REPORTS_DIR',
  /** Comma-separated load profiles of `run` (default smoke,at). */
  LOAD_PROFILES: 'TCIM_LOAD_PROFILES',
  /** Run length of each load profile of `run`. */
  LOAD_DURATION: 'TCIM_LOAD_DURATION',
  /** Per-command ceiling (calls/s) the load verdicts use. */
  LOAD_CEILING: 'TCIM_LOAD_CEILING',
  /** The config's load.scenarios as JSON, for `load --scenario NAME`. */
  LOAD_SCENARIOS: 'TCIM_LOAD_SCENARIOS',
  /** Baseline tolerances of `load` (the --tolerance syntax), under the flag. */
  LOAD_TOLERANCES: 'TCIM_LOAD_TOLERANCES',
  /** `last` or a path: the baseline of every load run (`run --baseline` sets it for its load steps). */
  LOAD_BASELINE: 'TCIM_LOAD_BASELINE',
} as const;

/** The config files looked for in the working directory, in this order. */
export const CONFIG_NAMES = ['tcim.config.ts', 'tcim.config.mts', 'tcim.config.mjs', 'tcim.config.js', 'tcim.config.json'] as const;

/** TCIM_REPORTS_DIR or `reports`: the base folder every command writes under by default. */
export const reportsBase = (env: Record<string, string | undefined> = process.env): string => env[APP_ENV.REPORTS_DIR] || 'reports';
