/**
 * A validated config → the TCIM_* settings every command already reads. Only unset variables are
 * filled, so the environment overrides the file (an empty `TCIM_BASE_URL=` counts as set: it forces the
 * embedded emulator over a baseUrl in the file). Secrets are never in the file: the value of the
 * variable that `target.secretKeyEnv` / `usersigEnv` names is copied into TCIM_SECRET_KEY / TCIM_USERSIG.
 */
import { delimiter, dirname, isAbsolute, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/core/config-error.ts';
import { registerSecret } from '../../src/core/redact.ts';
import { ENV } from '../../src/client/config.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { choices, CODE_CHOICES, COUNT_CHOICES, FORM_CHOICES } from '../../src/rules/index.ts';
import { CONTRACTS_ENV } from '../../contracts/index.ts';
import { toleranceSpec } from '../../load/index.ts';
import { APP_ENV } from './env-names.ts';
import type { TcimConfig, TcimExpectations } from './types.ts';
import { validateExpectations } from './validate.ts';

type Env = Record<string, string | undefined>;
const SCOPE_ENV = (code: string): string => `TCIM_EXPECT_SCOPE_${code}`;

function codeOf(field: string, v: number | string): string {
  if (typeof v === 'number') return String(v);
  const code = (ErrorCodes as Record<string, number>)[v];
  if (code === undefined) throw new ConfigError(`${field}: "${v}" is not an error name of schemas/errors.json (e.g. ${Object.keys(ErrorCodes).slice(1, 3).join(', ')}), nor a number`);
  return String(code);
}

/** The expectations file `calibrate` writes and every command reads when the config names none. */
export const EXPECT_FILE = 'tcim.expect.json';

/** Reads and validates an expectations file (a ConfigError naming the file and the field). */
export function readExpectationsFile(file: string, namedIn?: string): TcimExpectations {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`expectations: cannot read ${file}${namedIn ? ` (named in ${namedIn})` : ''}: ${(e as Error).message}${namedIn ? '' : `; run \`tcim-harness calibrate\` to write it again`}`);
  }
  validateExpectations(value, file);
  return value as TcimExpectations;
}

/** Where the config's `expectations` path points (relative to the config file). */
export const expectationsPath = (path: string, configFile: string): string => (isAbsolute(path) ? path : resolve(dirname(configFile), path));

/** Every TCIM_EXPECT_* variable the expectations stand for. */
export function expectationVars(e: TcimExpectations): Env {
  const out: Env = {};
  for (const name of CODE_CHOICES) {
    const v = e[`${name}Code` as keyof TcimExpectations] as number | string | undefined;
    if (v !== undefined) out[choices[name].env] = codeOf(`expectations.${name}Code`, v);
  }
  for (const name of COUNT_CHOICES) {
    const v = e[name];
    const variable = choices[name].env;
    if (v !== undefined && variable) out[variable] = String(v);
  }
  for (const name of FORM_CHOICES) {
    const v = e[name];
    if (v !== undefined) out[choices[name].env] = v;
  }
  for (const [code, scope] of Object.entries(e.scope ?? {})) out[SCOPE_ENV(code)] = scope;
  return out;
}

/** The variables the config stands for (all of them, before the environment's precedence). */
export function configVars(config: TcimConfig, file: string, env: Env): Env {
  const out: Env = {};
  const t = config.target ?? {};
  const here = (p: string): string => (isAbsolute(p) ? p : resolve(dirname(file), p));
  if (t.baseUrl !== undefined) out[ENV.BASE_URL] = t.baseUrl;
  if (t.sdkappid !== undefined) out[ENV.SDKAPPID] = String(t.sdkappid);
  if (t.admin !== undefined) out[ENV.ADMIN] = t.admin;
  if (t.timeoutMs !== undefined) out[ENV.TIMEOUT_MS] = String(t.timeoutMs);
  if (t.secretKeyEnv && t.secretKeyEnv !== ENV.SECRET_KEY && env[t.secretKeyEnv]) out[ENV.SECRET_KEY] = env[t.secretKeyEnv];
  if (t.usersigEnv && t.usersigEnv !== ENV.USERSIG && env[t.usersigEnv]) out[ENV.USERSIG] = env[t.usersigEnv];
  if (config.allowedSdkAppIds) out[ENV.ALLOWED_SDKAPPIDS] = config.allowedSdkAppIds.join(',');
  if (config.rateBudget !== undefined) out[ENV.RATE_BUDGET] = String(config.rateBudget);
  if (config.workers !== undefined) out[CONTRACTS_ENV.WORKERS] = String(config.workers);
  if (config.strict !== undefined) out[CONTRACTS_ENV.STRICT] = config.strict ? '1' : '0';
  if (config.expectations !== undefined) {
    const e = typeof config.expectations === 'string' ? readExpectationsFile(expectationsPath(config.expectations, file), file) : config.expectations;
    Object.assign(out, expectationVars(e));
  }
  if (config.load?.profiles) out[APP_ENV.LOAD_PROFILES] = config.load.profiles.join(',');
  if (config.load?.duration) out[APP_ENV.LOAD_DURATION] = config.load.duration;
  if (config.load?.ceiling !== undefined) out[APP_ENV.LOAD_CEILING] = String(config.load.ceiling);
  if (config.load?.scenarios) out[APP_ENV.LOAD_SCENARIOS] = JSON.stringify(config.load.scenarios);
  if (config.load?.tolerances) out[APP_ENV.LOAD_TOLERANCES] = toleranceSpec(config.load.tolerances);
  if (config.reportDir) out[APP_ENV.REPORTS_DIR] = resolve(config.reportDir);
  if (config.specs?.length) out[CONTRACTS_ENV.SPECS] = config.specs.map(here).join(delimiter);
  return out;
}

/**
 * Fills the unset variables of `env` from the config; returns the names it filled. A staging target
 * whose named credential variable is unset is refused here, where the message can name the field.
 */
export function applyConfigToEnv(config: TcimConfig, file: string, env: Env = process.env): string[] {
  const vars = configVars(config, file, env);
  const filled: string[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (env[k] !== undefined || v === undefined) continue;
    env[k] = v;
    filled.push(k);
  }
  registerSecret(env[ENV.SECRET_KEY]);
  registerSecret(env[ENV.USERSIG]);
  const t = config.target ?? {};
  if (env[ENV.BASE_URL] && !env[ENV.SECRET_KEY] && !env[ENV.USERSIG] && (t.secretKeyEnv || t.usersigEnv)) {
    const names = [t.secretKeyEnv, t.usersigEnv].filter(Boolean).join(' or ');
    throw new ConfigError(`target.${t.secretKeyEnv ? 'secretKeyEnv' : 'usersigEnv'} (${file}): the environment variable ${names} is not set; export it with the app's ${t.secretKeyEnv ? 'secret key' : 'admin UserSig'} (the config file names it, it never holds it)`);
  }
  return filled;
}
