/** Runs `tcim-harness load …` (the load command alone) in a child process of the tests. */
import { loadCommand } from '../../app/cli/commands/load.ts';

process.exitCode = await loadCommand.run(process.argv.slice(2));
