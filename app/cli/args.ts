/** node:util parseArgs, with its option errors (unknown option, missing value, …) turned into ConfigError (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../../src/client/config.ts';

export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    if (String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_')) throw new ConfigError((e as Error).message);
    throw e;
  }
}
