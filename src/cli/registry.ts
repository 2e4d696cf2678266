import type { CliCommand } from './command.ts';
import { emulatorCommand } from './commands/emulator.ts';

/** Every sub-command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [emulatorCommand];
