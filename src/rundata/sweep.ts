/**
 * Removing what one run left on a target, after the fact (`tcim-harness clean`, and the CLI's clean-up
 * after an interrupted `contracts` run): every group and mark of its existing accounts, its IM groups,
 * then the accounts themselves — in the teardown's order, so the leak check of groups and marks runs
 * while the accounts still exist. Every step that fails is noted and the sweep goes on.
 */
import { CMD } from '../client/index.ts';
import { mapPool } from '../core/pool.ts';
import { describeCode, ErrorCodes } from '../errors/index.ts';
import { deleteAccounts, remainingAccounts } from './accounts.ts';
import { errorCodeOf, type RunData } from './context.ts';
import { probeRunAccounts, readExisting, type Found } from './find.ts';
import { contractsImGroups, loadImGroup, PROBE_BOUNDS } from './run-names.ts';
import { clearUserData, hasData, leftovers } from './user-data.ts';

const IN_FLIGHT = 8;
const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim() !== '')?.slice(0, 300) ?? 'error';

export interface SweepInput {
  runId: string;
  /** Accounts and IM groups the run's ledger(s) name (empty when the ledger is gone). */
  ledgerAccounts: readonly string[];
  ledgerImGroups: readonly string[];
  /** Also look for the run-scoped names (always, unless the ledger is known complete). */
  probe: boolean;
  /** List what would be removed; change nothing. */
  dryRun: boolean;
}

export interface SweepResult {
  runId: string;
  /** Accounts that existed on the target. */
  accounts: string[];
  /** Conversation groups and conversations with mark/group data found on them (removed unless dry run). */
  groups: number;
  conversations: number;
  /** IM groups destroyed (dry run: the candidates, whose existence no documented read call tells). */
  imGroups: string[];
  accountsDeleted: number;
  /** What could not be removed or checked, described. */
  problems: string[];
}

/** The IM groups a run may have made: its ledger's, the contracts' fixed ids, and load's per segment when load accounts were found. */
function imGroupCandidates(input: SweepInput, loadAccounts: number): string[] {
  const out = new Set([...input.ledgerImGroups, ...contractsImGroups(input.runId)]);
  if (loadAccounts > 0 || input.ledgerImGroups.some((g) => g.startsWith('ld-'))) {
    for (let s = 0; s < PROBE_BOUNDS.loadSegments; s++) for (let k = 0; k < PROBE_BOUNDS.loadImGroupsPerSegment; k++) out.add(loadImGroup(input.runId, s, k));
  }
  return [...out];
}

export async function sweepRun(rd: RunData, input: SweepInput): Promise<SweepResult> {
  const problems: string[] = [];
  const found: Found = new Map();
  await readExisting(rd, input.ledgerAccounts, found);
  const probed = input.probe ? await probeRunAccounts(rd, input.runId, found) : { contracts: 0, load: 0 };
  const loadAccounts = Math.max(probed.load, [...found.keys()].filter((a) => a.startsWith('ld-')).length);
  const accounts = [...found.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const result: SweepResult = {
    runId: input.runId,
    accounts,
    groups: [...found.values()].reduce((n, d) => n + d.groups.length, 0),
    conversations: [...found.values()].reduce((n, d) => n + d.contacts.filter(hasData).length, 0),
    imGroups: [],
    accountsDeleted: 0,
    problems,
  };
  const candidates = imGroupCandidates(input, loadAccounts);
  if (input.dryRun) {
    result.imGroups = candidates.filter((g) => input.ledgerImGroups.includes(g) || !g.startsWith('ld-'));
    return result;
  }
  await mapPool(accounts, IN_FLIGHT, async (owner) => {
    try {
      await clearUserData(rd, owner, found.get(owner) as NonNullable<ReturnType<Found['get']>>);
    } catch (e) {
      problems.push(`clean ${owner}: ${firstLine(e)}`);
    }
  }).catch(() => undefined);
  for (const id of candidates) {
    const res = await rd.call(CMD.destroyGroup, { GroupId: id });
    const code = errorCodeOf(res);
    if (code === ErrorCodes.OK) result.imGroups.push(id);
    else if (code !== ErrorCodes.GROUP_NOT_FOUND) problems.push(`destroy IM group ${id}: ${code === undefined ? `HTTP ${res.httpStatus}` : describeCode(code)}`);
  }
  // Groups and marks are checked while the accounts still exist: deleting an account must not hide a leak.
  await mapPool(accounts, IN_FLIGHT, async (owner) => {
    const left = await leftovers(rd, owner).catch((e: unknown) => ({ groups: [`(not checked: ${firstLine(e)})`], conversations: [], empty: 0 }));
    if (left.groups.length || left.conversations.length) problems.push(`${owner} still holds ${left.groups.length} group(s) and ${left.conversations.length} conversation(s) with data`);
  });
  if (accounts.length > 0) {
    const deletion = await deleteAccounts(rd, accounts);
    const check = await remainingAccounts(rd, accounts);
    result.accountsDeleted = deletion.deleted;
    problems.push(...deletion.failedBatches, ...deletion.refused, ...check.failedBatches);
    for (const id of check.remaining) problems.push(`${id}: account still exists after account_delete`);
  }
  return result;
}
