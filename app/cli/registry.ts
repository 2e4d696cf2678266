import type { CliCommand } from './command.ts';
import { runCommand } from './commands/run.ts';
import { contractsCommand } from './commands/contracts.ts';
import { loadCommand } from './commands/load.ts';
import { emulatorCommand } from './commands/emulator.ts';
import { selfcheckCommand } from './commands/selfcheck.ts';
import { reportCommand } from './commands/report.ts';
import { doctorCommand } from './commands/doctor.ts';
import { usersigCommand } from './commands/usersig.ts';

/** Every sub-command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [runCommand, contractsCommand, loadCommand, emulatorCommand, selfcheckCommand, reportCommand, doctorCommand, usersigCommand];
