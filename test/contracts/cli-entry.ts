/**
 * Runs `tcim-harness contracts` the way src/cli/main.ts does (ConfigError → exit 2), without going
 * through the command registry, so the harness tests do not depend on its registration.
 */
import { contractsCommand } from '../../app/cli/commands/contracts.ts';
import { ConfigError } from '../../src/client/config.ts';
import { redact } from '../../src/core/redact.ts';

try {
  process.exitCode = await contractsCommand.run(process.argv.slice(2));
} catch (e) {
  console.error(`tcim-harness contracts: ${e instanceof ConfigError ? '' : 'internal error: '}${redact(String((e as Error)?.message ?? e))}`);
  process.exitCode = 2;
}
