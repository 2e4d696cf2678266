/**
 * Run data on a target — the accounts, groups, marks and IM groups a run creates, and their removal —
 * written once for the contract suites and the load side. Their differences are a policy (RunDataPolicy):
 * how an answer is judged, which error a failure is, whether something already gone counts as cleaned.
 */
export { RunData, RunDataError, envelopeJudge, errorCodeOf, type ErrorClass, type Judge, type RunDataClient, type RunDataPolicy } from './context.ts';
export { importAccounts, deleteAccounts, remainingAccounts, type AccountDeletion } from './accounts.ts';
export { readUserData, clearUserData, cleanUser, leftovers, leftoversOf, hasData, type Leftovers, type UserData } from './user-data.ts';
export { createImGroup, destroyImGroup } from './im-groups.ts';
export { LedgerFile, LEDGER_DIR, findLedgers, type LedgerEntry } from './ledger.ts';
export { sweepRun, type SweepInput, type SweepResult } from './sweep.ts';
export { contractsAccount, contractsFixedAccounts, contractsImGroups, loadAccount, loadImGroup, PROBE_BOUNDS } from './run-names.ts';
