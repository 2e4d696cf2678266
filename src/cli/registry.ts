import type { CliCommand } from './command.ts';
import { emulatorCommand } from './commands/emulator.ts';
import { usersigCommand } from './commands/usersig.ts';
import { doctorCommand } from './commands/doctor.ts';

/** Every sub-command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [emulatorCommand, doctorCommand, usersigCommand];
