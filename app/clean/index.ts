/**
 * Removing what earlier runs left on a staging target: `tcim-harness clean`, and the CLI's clean-up
 * after an interrupted run whose own teardown did not complete. Runs are found through the ownership
 * ledgers in the report directories (written before anything is created) and, for a run id given with
 * --run-id, through the run-scoped names even when its ledger is gone (src/rundata/run-names.ts: the
 * documented REST API cannot list an app's accounts, so a run nobody knows the id of cannot be found).
 */
import { ImClient, RateBudget, type TargetConfig } from '../../src/client/index.ts';
import { findLedgers, LedgerFile, RunData, sweepRun, type SweepResult } from '../../src/rundata/index.ts';

/** Calls per second of the clean-up, all commands together: below the 200/s per-command ceiling. */
const CLEAN_RATE = 150;
/** Ids printed per kind; the rest is counted. */
const MAX_IDS = 50;
/** Problems printed per run; the rest is counted. */
const MAX_PROBLEMS = 10;

export interface CleanOptions {
  config: TargetConfig;
  /** Directories searched for ledgers (`.ledger` folders below them). */
  roots: string[];
  /** Only this run (also found without a ledger, by its names). */
  runId?: string;
  dryRun: boolean;
  log: (line: string) => void;
}

const ids = (list: readonly string[]): string => (list.length <= MAX_IDS ? list.join(', ') : `${list.slice(0, MAX_IDS).join(', ')} … and ${list.length - MAX_IDS} more`);

/** What one sweep removed (or, dry run, would remove), as lines; never a secret (ids and counts only). */
export function describeSweep(r: SweepResult, dryRun: boolean): string[] {
  const verb = dryRun ? 'to delete' : 'deleted';
  const lines = [
    `run ${r.runId}: ${dryRun ? r.accounts.length : r.accountsDeleted} account(s) ${verb}, ${r.groups} conversation group(s) and ${r.conversations} conversation(s) with marks/groups ${dryRun ? 'would be cleared' : 'cleared'}, ${r.imGroups.length} IM group(s) ${dryRun ? 'to destroy if present' : 'destroyed'}`,
  ];
  if (r.accounts.length) lines.push(`  accounts: ${ids(r.accounts)}`);
  if (r.imGroups.length) lines.push(`  IM groups: ${ids(r.imGroups)}`);
  for (const p of r.problems.slice(0, MAX_PROBLEMS)) lines.push(`  NOT removed: ${p}`);
  if (r.problems.length > MAX_PROBLEMS) lines.push(`  … and ${r.problems.length - MAX_PROBLEMS} more problem(s)`);
  return lines;
}

function runDataFor(config: TargetConfig): RunData {
  return new RunData(new ImClient(config, { budget: new RateBudget(CLEAN_RATE) }), { tolerateGone: true });
}

/** Sweeps one run; a run the target cannot be asked about (unreachable, refused) is a problem, never a throw. */
async function sweep(rd: RunData, runId: string, ledgers: LedgerFile[], probe: boolean, dryRun: boolean): Promise<SweepResult> {
  const input = {
    runId,
    ledgerAccounts: [...new Set(ledgers.flatMap((l) => l.ids('account')))],
    ledgerImGroups: [...new Set(ledgers.flatMap((l) => l.ids('im-group')))],
    probe,
    dryRun,
  };
  try {
    return await sweepRun(rd, input);
  } catch (e) {
    return { runId, accounts: [], groups: 0, conversations: 0, imGroups: [], accountsDeleted: 0, problems: [`the target could not be swept: ${(e as Error).message.split('\n')[0]}`] };
  }
}

/** `tcim-harness clean`: 0 when nothing is left, 1 when something could not be removed. */
export async function cleanTarget(o: CleanOptions): Promise<0 | 1> {
  const all = o.roots.flatMap(findLedgers).filter((l) => o.runId === undefined || l.runId === o.runId);
  const byRun = new Map<string, LedgerFile[]>();
  for (const l of all) byRun.set(l.runId, [...(byRun.get(l.runId) ?? []), l]);
  if (o.runId !== undefined && !byRun.has(o.runId)) byRun.set(o.runId, []);
  o.log(`tcim-harness clean: ${o.dryRun ? 'dry run against' : 'cleaning'} SDKAppID ${o.config.sdkappid}; ${byRun.size} run(s) to look at (${all.length} ledger file(s) under ${o.roots.join(', ')}${o.runId ? `; --run-id ${o.runId}` : ''})`);
  if (byRun.size === 0) o.log('no ledger found: nothing known to clean (a run whose ledger is gone is found with --run-id ID)');
  const rd = runDataFor(o.config);
  let failed = false;
  for (const [runId, ledgers] of byRun) {
    const runs = ledgers.map((l) => l.runEntry());
    const foreign = runs.find((r) => r?.target === 'staging' && r.sdkappid !== undefined && r.sdkappid !== o.config.sdkappid);
    if (foreign && o.runId === undefined) {
      o.log(`run ${runId}: skipped — its ledger belongs to SDKAppID ${foreign.sdkappid}`);
      continue;
    }
    const embedded = runs.length > 0 && runs.every((r) => r?.target === 'emulator');
    const done = ledgers.length > 0 && ledgers.every((l) => l.isDone());
    if ((embedded || done) && o.runId === undefined) {
      if (!o.dryRun) for (const l of ledgers) l.remove();
      o.log(`run ${runId}: ${embedded ? 'ran on the embedded emulator (nothing of it outlives the run)' : 'its teardown had completed'}; ledger ${o.dryRun ? 'would be removed' : 'removed'}`);
      continue;
    }
    const r = await sweep(rd, runId, ledgers, true, o.dryRun);
    for (const line of describeSweep(r, o.dryRun)) o.log(line);
    if (r.problems.length) failed = true;
    else if (!o.dryRun) for (const l of ledgers) l.remove();
  }
  o.log(failed ? 'clean: something could not be removed (see NOT removed above); run `tcim-harness clean` again' : o.dryRun ? 'clean: dry run, nothing changed' : 'clean: nothing left');
  return failed ? 1 : 0;
}

/**
 * After an interrupted run: removes what the run's ledger names (written before anything was created,
 * so it is complete) unless its teardown completed. Answers whether nothing is left.
 */
export async function cleanRunFromLedger(config: TargetConfig, ledgerDir: string, runId: string, log: (line: string) => void): Promise<boolean> {
  const ledger = new LedgerFile(ledgerDir, runId);
  if (ledger.isDone()) {
    log(`teardown: run ${runId} had completed its own teardown; nothing left to remove`);
    return true;
  }
  const r = await sweep(runDataFor(config), runId, [ledger], false, false);
  for (const line of describeSweep(r, false)) log(`teardown: ${line}`);
  if (r.problems.length === 0) ledger.markDone();
  return r.problems.length === 0;
}
