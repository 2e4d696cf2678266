/** A CLI sub-command: one file under src/cli/commands/, registered in src/cli/registry.ts. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Full --help text: usage, options, examples. */
  help: string;
  run(argv: string[]): Promise<number>;
}
