/**
 * The config file (tcim.config.ts / .mjs / .json): found, validated against schemas/config.schema.json
 * and resolved into the TCIM_* settings every command reads — before the command reads any of them.
 */
export { CONFIG_NAMES, findConfigFile, loadConfig, readConfigFile, type LoadedConfig } from './load.ts';
export { APP_ENV, reportsBase } from './env-names.ts';
export { configVars, applyConfigToEnv, EXPECT_FILE, expectationVars, readExpectationsFile } from './to-env.ts';
export { configInUse, expectationsInUse, type ConfigInUse, type ExpectationsInUse } from './state.ts';
export { CONFIG_SCHEMA_FILE, validateConfig, validateExpectations } from './validate.ts';
export { defineConfig, type TcimConfig, type TcimExpectations } from './types.ts';
