/**
 * Finds and reads the config file: `--config PATH` (or TCIM_CONFIG), else the first of tcim.config.ts,
 * .mts, .mjs, .js, .json in the working directory; none is fine (everything then comes from the
 * environment). A TypeScript config is loaded through tsx's tsImport, imported only when such a file
 * exists, so commands without one (and every --help) never load the TypeScript compiler.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../../src/core/config-error.ts';
import { APP_ENV, CONFIG_NAMES } from './env-names.ts';

export { CONFIG_NAMES };
import { applyConfigToEnv, EXPECT_FILE, expectationVars, expectationsPath, readExpectationsFile } from './to-env.ts';
import type { TcimConfig } from './types.ts';
import { validateConfig } from './validate.ts';
import { setConfigInUse, setExpectationsInUse } from './state.ts';

const TS = new Set(['.ts', '.mts', '.cts']);
const JS = new Set(['.js', '.mjs', '.cjs']);

type Env = Record<string, string | undefined>;

/** The config file to read, or undefined when none is given and none is in `cwd`. */
export function findConfigFile(explicit: string | undefined, cwd: string = process.cwd(), env: Env = process.env): string | undefined {
  const given = explicit ?? (env[APP_ENV.CONFIG] || undefined);
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigError(`config file ${file} does not exist (given by ${explicit !== undefined ? '--config' : APP_ENV.CONFIG}); \`tcim-harness init\` writes one`);
    return file;
  }
  return CONFIG_NAMES.map((n) => resolve(cwd, n)).find((f) => existsSync(f));
}

async function importModule(file: string): Promise<unknown> {
  const ext = extname(file);
  try {
    if (TS.has(ext)) {
      const { tsImport } = await import('tsx/esm/api');
      return await tsImport(pathToFileURL(file).href, import.meta.url);
    }
    return await import(pathToFileURL(file).href);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && /'tsx/.test(String((e as Error).message))) {
      throw new ConfigError(`${file}: a TypeScript config needs the package tsx (npm install -D tsx), or use tcim.config.mjs / .json`);
    }
    throw new ConfigError(`${file} could not be loaded: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The config object of `file` (default export, or the JSON), not yet validated. */
export async function readConfigFile(file: string): Promise<unknown> {
  const ext = extname(file);
  if (ext === '.json') {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!TS.has(ext) && !JS.has(ext)) throw new ConfigError(`${file}: a config file is .ts, .mts, .mjs, .js or .json`);
  const mod = (await importModule(file)) as { default?: unknown };
  // tsImport of a CommonJS-shaped module nests the default once more.
  let value: unknown = mod.default ?? mod;
  if (value && typeof value === 'object' && 'default' in value && Object.keys(value).length === 1) value = (value as { default: unknown }).default;
  if (typeof value === 'function') value = await (value as () => unknown)();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${file} must export default a config object: export default { target: { … }, … }`);
  return value;
}

export interface LoadedConfig {
  file: string;
  config: TcimConfig;
  /** The TCIM_* variables it filled (those the environment had not set). */
  filled: string[];
}

/**
 * Reads, validates and applies the config: fills the unset TCIM_* variables of `env`. Undefined when
 * there is no config file. Every problem is a ConfigError naming the field (exit 2).
 */
export async function loadConfig(opts: { path?: string; cwd?: string; env?: Env } = {}): Promise<LoadedConfig | undefined> {
  const env = opts.env ?? process.env;
  const file = findConfigFile(opts.path, opts.cwd, env);
  if (!file) {
    applyExpectFile(resolve(opts.cwd ?? process.cwd(), EXPECT_FILE), env);
    return undefined;
  }
  const value = await readConfigFile(file);
  validateConfig(value, file);
  const config = value as TcimConfig;
  const loaded = { file, config, filled: applyConfigToEnv(config, file, env) };
  if (env === process.env) setConfigInUse({ file, filled: loaded.filled });
  if (typeof config.expectations === 'string' && env === process.env) setExpectationsInUse({ file: expectationsPath(config.expectations, file), filled: [] });
  if (config.expectations === undefined) applyExpectFile(resolve(dirname(file), EXPECT_FILE), env);
  return loaded;
}

/**
 * The expectations `tcim-harness calibrate` wrote (tcim.expect.json next to the config file, or in the working
 * directory), read when the config names none: fills the unset TCIM_EXPECT_* variables, like the config file.
 */
function applyExpectFile(file: string, env: Env): void {
  if (!existsSync(file)) return;
  const filled: string[] = [];
  for (const [k, v] of Object.entries(expectationVars(readExpectationsFile(file)))) {
    if (env[k] !== undefined || v === undefined) continue;
    env[k] = v;
    filled.push(k);
  }
  if (env === process.env) setExpectationsInUse({ file, filled });
}
