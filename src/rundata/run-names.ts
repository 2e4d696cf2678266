/**
 * The run-scoped names both sides give what they create, written down once more for the one reader that
 * has to find them without a ledger: `tcim-harness clean`. The sides build them in
 * contracts/support/names.ts (`tc-<run>-p<i>-<n>`, `tc-<run>-probe`, IM groups `tc-<run>-g1|g2|gx`) and
 * load/plan/user-pool.ts (`ld-<run>-u<i>`, IM groups `ld-<run>-s<segment>g<k>`);
 * test/clean/names.test.ts holds them equal. The documented REST API has no call that lists an app's
 * accounts or IM groups, so a run whose ledger is gone is found only by these names and its run id.
 */

/** The contracts' owner accounts: per Playwright parallelIndex, numbered from 0. */
export const contractsAccount = (runId: string, parallelIndex: number, n: number): string => `tc-${runId}-p${parallelIndex}-${n}`;
/** The contracts' accounts outside the numbered pool: the set-up's StandardMark probe owner. */
export const contractsFixedAccounts = (runId: string): string[] => [`tc-${runId}-probe`];
/** The contracts' IM groups (custom GroupIds): two live ones and one made and destroyed in set-up. */
export const contractsImGroups = (runId: string): string[] => ['1', '2', 'x'].map((label) => `tc-${runId}-g${label}`);
/** The load side's accounts: one numbering over all segments (each segment a disjoint slice). */
export const loadAccount = (runId: string, i: number): string => `ld-${runId}-u${i}`;
/** The load side's IM groups (custom GroupIds): per 0-based segment, k = 0 … IM groups per segment − 1. */
export const loadImGroup = (runId: string, segment: number, k: number): string => `ld-${runId}-s${segment}g${k}`;

/** Where probing stops: Playwright's worker limit (contracts/support/env.ts) and load's segment limit (load/run-options.ts). */
export const PROBE_BOUNDS = {
  parallelIndexes: 64,
  loadSegments: 16,
  loadImGroupsPerSegment: 2,
  /** Consecutive absent names after which a numbering is taken to end (bigger than any gap a run leaves). */
  contractsGap: 20,
  /** A segment's users start at segment × stride (stride up to ~60), so a run of only segment 2 starts far from 0. */
  loadGap: 80,
} as const;
