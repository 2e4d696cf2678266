/**
 * Finding what a run left on a target: its accounts, each with its data, read with get_contact_group
 * (read-only, so `clean --dry-run` can use it: an account that was never imported, or was deleted,
 * answers ACCOUNT_NOT_IMPORTED). Candidates are the ledger's accounts plus the run-scoped names,
 * numbered until a long enough stretch of them is absent (run-names.ts).
 */
import { mapPool } from '../core/pool.ts';
import type { RunData } from './context.ts';
import { contractsAccount, contractsFixedAccounts, loadAccount, PROBE_BOUNDS } from './run-names.ts';
import { readUserData, type UserData } from './user-data.ts';

/** Reads in flight at once: the clean client's rate budget keeps them under the per-command ceiling. */
const IN_FLIGHT = 8;

/** Account → its data, for every candidate that exists on the target. */
export type Found = Map<string, UserData>;

/** Reads `ids` (tolerating absent accounts) and adds the existing ones to `found`; answers how many existed. */
export async function readExisting(rd: RunData, ids: readonly string[], found: Found): Promise<number> {
  const todo = ids.filter((id) => !found.has(id));
  const data = await mapPool(todo, IN_FLIGHT, (id) => readUserData(rd, id));
  let n = 0;
  data.forEach((d, i) => {
    if (d) {
      found.set(todo[i] as string, d);
      n++;
    }
  });
  return n;
}

/** Probes name(0), name(1), … in windows until `gap` names in a row were absent; answers how many existed. */
async function probeNumbering(rd: RunData, name: (n: number) => string, gap: number, found: Found): Promise<number> {
  let total = 0;
  let absentInARow = 0;
  const window = Math.min(gap, 20);
  // Bounded: a numbering longer than this many names is not one a run makes.
  for (let start = 0; start < 100_000 && absentInARow < gap; start += window) {
    const ids = Array.from({ length: window }, (_, i) => name(start + i));
    const before = new Set(found.keys());
    await readExisting(rd, ids, found);
    for (const id of ids) {
      if (found.has(id) || before.has(id)) {
        absentInARow = 0;
        total++;
      } else absentInARow++;
    }
  }
  return total;
}

/** The run's accounts by their names: contracts' per parallelIndex (stops at the first empty index), then load's. */
export async function probeRunAccounts(rd: RunData, runId: string, found: Found): Promise<{ contracts: number; load: number }> {
  let contracts = await readExisting(rd, contractsFixedAccounts(runId), found);
  for (let p = 0; p < PROBE_BOUNDS.parallelIndexes; p++) {
    const n = await probeNumbering(rd, (i) => contractsAccount(runId, p, i), PROBE_BOUNDS.contractsGap, found);
    if (n === 0) break;
    contracts += n;
  }
  const load = await probeNumbering(rd, (i) => loadAccount(runId, i), PROBE_BOUNDS.loadGap, found);
  return { contracts, load };
}
