/**
 * Every sub-command, in the order `--help` lists them: name and one-line summary here, the command
 * itself imported only when it runs. `tcim-harness --help` therefore loads no schemas, ajv or
 * Playwright and starts fast (bench/startup.ts measures it). A summary here must be the command's own:
 * test/package/registry.test.ts checks it.
 */
import type { CliCommand } from './command.ts';

export interface RegisteredCommand {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

export const cliCommands: RegisteredCommand[] = [
  { name: 'run', summary: 'main job: contracts + load check (smoke, at) + combined report', load: async () => (await import('./commands/run.ts')).runCommand },
  { name: 'contracts', summary: 'run the contract suites (Playwright) against the emulator or a staging app', load: async () => (await import('./commands/contracts.ts')).contractsCommand },
  { name: 'load', summary: 'load / capacity check with vegeta: smoke, under, at, over, mix, ceiling, soak, or a scenario of the config', load: async () => (await import('./commands/load.ts')).loadCommand },
  { name: 'emulator', summary: 'serve the embedded stateful emulator on loopback (control API under /_emulator/)', load: async () => (await import('./commands/emulator.ts')).emulatorCommand },
  { name: 'calibrate', summary: 'learn the target\'s answers where the docs are silent; write tcim.expect.json', load: async () => (await import('./commands/calibrate.ts')).calibrateCommand },
  { name: 'selfcheck', summary: 'mutation self-check: catalogued server bugs must fail the suites, benign variants must pass; kill and false-failure rates', load: async () => (await import('./commands/selfcheck.ts')).selfcheckCommand },
  { name: 'report', summary: 'rebuild the combined report (reports/index.html) from existing results', load: async () => (await import('./commands/report.ts')).reportCommand },
  { name: 'clean', summary: 'remove what earlier (killed) runs left on a staging app: accounts, groups, marks, IM groups', load: async () => (await import('./commands/clean.ts')).cleanCommand },
  { name: 'doctor', summary: 'check configuration, target, signature, clock and tools; print what to fix', load: async () => (await import('./commands/doctor.ts')).doctorCommand },
  { name: 'usersig', summary: 'make (gen) or check (verify) an admin UserSig', load: async () => (await import('./commands/usersig.ts')).usersigCommand },
  { name: 'init', summary: 'write tcim.config.ts, CI jobs (GitHub Actions, GitLab CI) and an example spec into your project', load: async () => (await import('./commands/init.ts')).initCommand },
  { name: 'setup', summary: 'install the load generator (vegeta v12.13.0, built with Go) into the per-user cache', load: async () => (await import('./commands/setup.ts')).setupCommand },
];
