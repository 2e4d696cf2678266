/** node:util parseArgs, with its option errors (unknown option, missing value, …) turned into ConfigError (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../../src/core/config-error.ts';

export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    if (String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_')) throw new ConfigError((e as Error).message);
    throw e;
  }
}

/** Commands that read settings, so accept the global `--config PATH` and load tcim.config.* first. */
export const SETTINGS_COMMANDS: ReadonlySet<string> = new Set(['run', 'contracts', 'load', 'doctor', 'selfcheck', 'report', 'calibrate', 'clean', 'emulator']);

/**
 * Takes the global `--config PATH` / `--config=PATH` out of a command's arguments (the command's own
 * parser never sees it). Arguments after `--` are left alone.
 */
export function takeConfigOption(argv: readonly string[]): { configPath: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let configPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--config' || a.startsWith('--config=')) {
      const v = a === '--config' ? argv[++i] : a.slice('--config='.length);
      if (v === undefined || v === '' || (a === '--config' && v.startsWith('--'))) throw new ConfigError('option --config needs a file path, e.g. --config ./tcim.config.ts');
      if (configPath !== undefined) throw new ConfigError('--config is given twice; give one config file');
      configPath = v;
      continue;
    }
    rest.push(a);
  }
  return { configPath, rest };
}

/**
 * The global --config option, for a command that reads settings: loads tcim.config.* (from --config,
 * TCIM_CONFIG or the working directory) into the unset TCIM_* variables before the command reads them.
 * Imported lazily, so `--help` and the commands without settings never load ajv or tsx.
 */
export async function applyGlobalConfig(command: string, argv: string[]): Promise<string[]> {
  if (!SETTINGS_COMMANDS.has(command)) return argv;
  const { configPath, rest } = takeConfigOption(argv);
  const { loadConfig } = await import('../config/index.ts');
  await loadConfig({ path: configPath });
  return rest;
}
