/** `tcim-harness selfcheck`: the mutation self-check — does the harness notice each catalogued server bug? */
import { reportsBase } from '../../config/env-names.ts';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseCliArgs } from '../args.ts';
import { ConfigError } from '../../../src/client/config.ts';
import { parseWholeNumber } from '../../../src/core/numbers.ts';
import { catalogue, type CatalogueVariant } from '../../../src/emulator/variants/index.ts';
import { benignCatalogue, type BenignVariant } from '../../selfcheck/benign.ts';
import { killRunningChildren } from '../../selfcheck/child.ts';
import { renderTable } from '../../selfcheck/format.ts';
import { CLI } from '../../selfcheck/jobs.ts';
import { projectDir } from '../../../src/core/paths.ts';
import { runSelfcheck } from '../../selfcheck/run.ts';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';

const DEFAULT_PARALLEL = 2;
const DEFAULT_TIMEOUT_S = 180;
const DEFAULT_WORKERS = 2;

const help = `tcim-harness selfcheck — mutation self-check: wrong emulators must fail the suites, servers the docs allow must pass

Usage: tcim-harness selfcheck [--only a,b] [--parallel N] [--timeout S] [--workers N] [--reports-dir DIR] [--no-confirm] [--no-batch] [--json] [--list]

First the correct embedded emulator goes through the contract suite: it must pass (the gate). Then, up to
--parallel at a time:
- every benign variant (src/emulator/variants/benign/ — a server that differs only where the docs allow)
  goes through the whole contract suite, and a limiter variant also through the load profile "over": each
  must pass (exit 0, drift warnings allowed); a failed test is a false failure;
- every mutant (src/emulator/variants/catalogue.ts — one plausible server bug each) goes through the
  suite that must kill it: the contract suite — first only the tests of its seenBy (the whole suite when
  they do not kill it), stopping at the first failed test — or the load profile "over" for 5 s (rate-limit
  bugs; after a load baseline on the correct emulator, one load run at a time). A mutant is killed when its run
  exits 1 with a failed test recorded — and, for the contract suite, when one of those tests fails again
  on a re-run against the variant (a flaky test is not a kill) — survived when it exits 0, and an error
  otherwise (exit 2/3, timeout, kill not reproduced — not a kill).
The contract runs are batched: the seenBy tests of every mutant in one Playwright run (each mutant in a
project of its own, against an emulator of its own; a failed test is re-run once in a fresh worker, which
confirms the kill — a test that recorded a response breaking its documented schema needs no re-run: the
body is the evidence) and the whole suite of every benign variant in another, side by side; a mutant its
seenBy tests miss then goes through the whole suite in a run of its own. The load runs go on beside
the batches: the contract runs then have the lowest CPU priority (nice 19), so the load generator and
its emulator get a core whenever they need one (with --no-batch the load runs come after, alone).
The summary gives the kill rate, the false-failure rate and the wall time. TCIM_BASE_URL and every other
TCIM_* target setting are ignored: the self-check always judges the embedded emulator with the documented
defaults.

Options:
  --only a,b         only these variants, mutants or benign (names from --list); the baseline always runs
  --parallel N       contract runs at once (default ${DEFAULT_PARALLEL}; batched: each batch gets N × --workers Playwright workers; never two load runs at once)
  --timeout S        time bound of each run in seconds; the run's process group is killed after it (default ${DEFAULT_TIMEOUT_S})
  --workers N        Playwright workers per contracts run (default TCIM_WORKERS or ${DEFAULT_WORKERS})
  --reports-dir DIR  reports root (default reports); writes DIR/selfcheck/summary.json, junit.xml, <variant>/, benign/, logs/
  --no-confirm       count a contracts kill without re-running its failed tests (faster, trusts every failure)
  --no-batch         one contracts run per variant (and a re-run to confirm each kill) instead of the batches: slower
  --json             print summary.json instead of the tables (progress goes to stderr)
  --list             list both catalogues (name, suite or "benign", what differs) and exit

Exit codes: 0 the baseline passed, every mutant was killed and every benign variant passed; 1 otherwise (a
survivor, a false failure, an error, or a baseline failure); 2 configuration error (bad option, unknown
variant, or the baseline could not run at all).

Examples:
  tcim-harness selfcheck
  tcim-harness selfcheck --only group-limit-21,rate-limit-off --parallel 1`;

/** An option given as --name N: a whole number within [min, max], `fallback` when absent. */
const wholeNumber = (value: string | undefined, name: string, min: number, max: number, fallback: number): number => parseWholeNumber(`--${name}`, value, { min, max, fallback });
/** TCIM_WORKERS as the contract suites accept it (contracts/support/env.ts): 1 to 64. */
const MAX_ENV_WORKERS = 64;

/** The names of `--only`, checked against both catalogues (mutants and benign variants). */
function onlyNames(only: string, known: readonly { name: string }[]): string[] {
  const names = only.split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new ConfigError('--only needs at least one variant name (see --list)');
  const unknown = names.filter((n) => !known.some((v) => v.name === n));
  if (unknown.length) throw new ConfigError(`--only: unknown variant(s) ${unknown.join(', ')} (see tcim-harness selfcheck --list)`);
  return names;
}

/** The mutants `--only` selects (all without it), in catalogue order; a name may also be a benign variant's. */
export function selectEntries(only: string | undefined, all: readonly CatalogueVariant[] = catalogue, benign: readonly BenignVariant[] = benignCatalogue): readonly CatalogueVariant[] {
  if (only === undefined) return all;
  const names = onlyNames(only, [...all, ...benign]);
  return all.filter((v) => names.includes(v.name));
}

/** The benign variants `--only` selects (all without it), in catalogue order. */
export function selectBenign(only: string | undefined, all: readonly BenignVariant[] = benignCatalogue, mutants: readonly CatalogueVariant[] = catalogue): readonly BenignVariant[] {
  if (only === undefined) return all;
  const names = onlyNames(only, [...mutants, ...all]);
  return all.filter((v) => names.includes(v.name));
}

export interface SelfcheckArgs {
  entries: readonly CatalogueVariant[];
  benign: readonly BenignVariant[];
  parallel: number;
  timeoutMs: number;
  workers: number;
  reportsDir: string;
  confirm: boolean;
  batch: boolean;
  json: boolean;
  list: boolean;
}

export function parseSelfcheckArgs(argv: string[], env: Record<string, string | undefined> = process.env, benign: readonly BenignVariant[] = benignCatalogue): SelfcheckArgs {
  const { values } = parseCliArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      only: { type: 'string' },
      parallel: { type: 'string' },
      timeout: { type: 'string' },
      workers: { type: 'string' },
      'reports-dir': { type: 'string' },
      'no-confirm': { type: 'boolean' },
      'no-batch': { type: 'boolean' },
      json: { type: 'boolean' },
      list: { type: 'boolean' },
    },
  });
  const str = (k: 'only' | 'parallel' | 'timeout' | 'workers' | 'reports-dir'): string | undefined => values[k];
  const envWorkers = parseWholeNumber('TCIM_WORKERS', env.TCIM_WORKERS, { min: 1, max: MAX_ENV_WORKERS, fallback: DEFAULT_WORKERS });
  return {
    entries: selectEntries(str('only'), catalogue, benign),
    benign: selectBenign(str('only'), benign),
    parallel: wholeNumber(str('parallel'), 'parallel', 1, 8, DEFAULT_PARALLEL),
    timeoutMs: wholeNumber(str('timeout'), 'timeout', 10, 3600, DEFAULT_TIMEOUT_S) * 1000,
    workers: wholeNumber(str('workers'), 'workers', 1, 16, envWorkers),
    reportsDir: resolve(str('reports-dir') ?? resolve(projectDir(), reportsBase())),
    confirm: values['no-confirm'] !== true,
    batch: values['no-batch'] !== true,
    json: values.json === true,
    list: values.list === true,
  };
}

/** One line per mutant (name, the suite that must kill it, the bug), then one per benign variant (name, `benign`, how it differs). */
function listCatalogue(benign: readonly BenignVariant[]): string {
  const w = Math.max(...[...catalogue, ...benign].map((v) => v.name.length));
  const mutants = catalogue.map((v) => `${v.name.padEnd(w)}  ${v.killedBy.padEnd(9)}  ${v.description}`);
  return [...mutants, ...benign.map((v) => `${v.name.padEnd(w)}  ${'benign'.padEnd(9)}  ${v.description}`)].join('\n');
}

export const selfcheckCommand: CliCommand = {
  name: 'selfcheck',
  summary: 'mutation self-check: catalogued server bugs must fail the suites, benign variants must pass; kill and false-failure rates',
  help,
  async run(argv) {
    // The kill and false-failure rates measure the built-in suite: a team's own specs (specs in the
    // config) are not run against the mutants and benign variants.
    delete process.env.TCIM_SPECS;
    let args: SelfcheckArgs;
    try {
      args = parseSelfcheckArgs(argv);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      console.error(`tcim-harness selfcheck: ${e.message}`);
      return Exit.CONFIG;
    }
    if (args.list) {
      console.log(listCatalogue(benignCatalogue));
      return Exit.PASS;
    }
    if (!existsSync(CLI)) {
      console.error(`tcim-harness selfcheck: ${CLI} is missing`);
      return Exit.CONFIG;
    }
    const progress = args.json ? (l: string) => console.error(l) : (l: string) => console.log(l);
    const onSignal = (): void => {
      killRunningChildren();
      console.error('tcim-harness selfcheck: interrupted; the running suites were stopped');
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const counts = `${args.entries.length} mutant(s) + ${args.benign.length} benign variant(s), parallel ${args.parallel}, timeout ${args.timeoutMs / 1000}s each`;
      progress(`selfcheck: baseline + ${counts}`);
      const { summary, files } = await runSelfcheck({
        entries: args.entries,
        benign: args.benign,
        parallel: args.parallel,
        timeoutMs: args.timeoutMs,
        reportsDir: args.reportsDir,
        workers: args.workers,
        confirm: args.confirm,
        batch: args.batch,
        log: progress,
      });
      if (args.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(`${renderTable(summary)}\n\nreports: ${relative(process.cwd(), files.summary)}, ${relative(process.cwd(), files.junit)}`);
      if (summary.gate === 'pass') return Exit.PASS;
      // The correct emulator could not even be judged (e.g. the contracts command is missing): a harness error.
      return summary.baseline.contracts.exitCode === Exit.CONFIG ? Exit.CONFIG : Exit.FAIL;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
