/** `tcim-harness <command>`: dispatches to the registered commands; turns known errors into exit code 2. */
import { cliCommands } from './registry.ts';
import { applyGlobalConfig } from './args.ts';
import { Exit } from '../../src/core/exit-codes.ts';
import { ConfigError } from '../../src/core/config-error.ts';
import { redact } from '../../src/core/redact.ts';

export function usage(): string {
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  return [
    'tcim-harness — contract and load tests for the Tencent Cloud Chat conversation-group API',
    '',
    'Usage: tcim-harness <command> [options]     (tcim-harness <command> --help for details)',
    '',
    'Commands:',
    ...cliCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Settings: tcim.config.ts (or .mjs, .json) in the working directory, or --config PATH; environment variables override it.',
    '',
    'Exit codes: 0 passed, 1 a contract failed, 2 harness or configuration error, 3 inconclusive (unreachable or throttled).',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? Exit.PASS : Exit.CONFIG;
  }
  const cmd = cliCommands.find((c) => c.name === name);
  if (!cmd) {
    console.error(`tcim-harness: unknown command "${name}"\n\n${usage()}`);
    return Exit.CONFIG;
  }
  try {
    const command = await cmd.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(command.help);
      return Exit.PASS;
    }
    // The global --config: tcim.config.* fills the unset TCIM_* settings before the command reads any.
    return await command.run(await applyGlobalConfig(name, rest));
  } catch (e) {
    // Imported here, not at the top: the schema layer (ajv, schemas/) is not loaded for --help.
    const { SchemaError } = await import('../../src/schema/registry.ts');
    if (e instanceof ConfigError || e instanceof SchemaError) {
      console.error(`tcim-harness ${name}: ${redact((e as Error).message)}\n(see tcim-harness ${name} --help)`);
      return Exit.CONFIG;
    }
    // A bug of the harness itself: one line, and the stack only when asked for.
    console.error(`tcim-harness ${name}: internal error: ${redact(String((e as Error).message ?? e))}`);
    if (process.env.TCIM_DEBUG) console.error(redact((e as Error).stack ?? ''));
    else console.error('(set TCIM_DEBUG=1 for the stack trace, and please report it)');
    return Exit.CONFIG;
  }
}
