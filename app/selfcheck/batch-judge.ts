/**
 * Verdicts of the entries of a batch run (contracts/support/batch.ts) from the one reader of contract
 * results: a mutant's focused entry (its seenBy tests, a failed test re-run once in a fresh worker) and
 * a benign variant's whole-suite entry. Pure: the tests in, the outcome out.
 */
import { EVIDENCE_KILL, SELFCHECK_KILL, type ContractTest } from '../../contracts/index.ts';
import type { BenignOutcome, Outcome } from './types.ts';

const SETUP_FILE = /(^|[\\/])run\.setup\.[cm]?[jt]s$/;

/** The tests of the entry at `index` of the plan (projects setup.<i>, emulator.<i>, teardown.<i>), named as in a run of its own. */
export function entryTests(all: readonly ContractTest[], index: number): ContractTest[] {
  const role = (t: ContractTest): string | undefined => {
    if (t.projectName === `setup.${index}`) return 'setup';
    if (t.projectName === `teardown.${index}`) return 'teardown';
    if (t.projectName === `emulator.${index}`) return SETUP_FILE.test(t.file) ? 'setup' : 'emulator';
    return undefined;
  };
  return all.flatMap((t) => {
    const r = role(t);
    if (r === undefined) return [];
    const prefix = `[${t.projectName}] `;
    return [{ ...t, projectName: r, name: t.name.startsWith(prefix) ? `[${r}] ${t.name.slice(prefix.length)}` : t.name }];
  });
}

export interface EntryVerdict<O> {
  outcome: O;
  detail: string;
  failedTests: string[];
  /** Failed tests that failed again on every re-run (focused entries with retries). */
  confirmedBy: string[];
}

const notTarget = (t: ContractTest): boolean => t.outcome === 'harness' || t.outcome === 'inconclusive' || t.outcome === 'interrupted';
const first = (list: ContractTest[]): string => (list[0] ? `, e.g. ${list[0].name}` : '');

const evidenceKill = (t: ContractTest): boolean => t.annotations.some((a) => a.type === SELFCHECK_KILL && (a.description ?? '').startsWith(EVIDENCE_KILL));

/**
 * A mutant's focused entry. `retries` > 0: a kill is a test that failed on every attempt (the re-runs ran
 * in fresh workers against the same variant), so a flaky failure is never a kill — or a test that recorded
 * a response breaking its documented schema (EVIDENCE_KILL: the body is the proof, no re-run is asked).
 * killed / survived (every selected test passed: the whole suite is tried next) / error (not judged).
 */
export function judgeFocused(tests: readonly ContractTest[], retries: number): EntryVerdict<Outcome> {
  // Failed on every attempt: marked by the suite's gate (which then lets the worker go on), or plain unexpected.
  const failed = tests.filter((t) => t.annotations.some((a) => a.type === SELFCHECK_KILL) || (t.status === 'unexpected' && t.outcome === 'failed'));
  const flaky = tests.filter((t) => t.status === 'flaky' && !failed.includes(t));
  const names = failed.map((t) => t.name);
  if (failed.length) {
    const rerun = retries > 0 ? failed.filter((t) => !evidenceKill(t)).map((t) => t.name) : [];
    const evidence = failed.filter(evidenceKill).map((t) => t.name);
    const how = rerun.length ? `; reproduced on ${retries === 1 ? 'a re-run' : `${retries} re-runs`} by ${rerun[0]}` : evidence.length ? `; ${evidence[0]} recorded a response that breaks its documented schema (the evidence: no re-run needed)` : '';
    return { outcome: 'killed', detail: `exit 1: ${failed.length} failed${how}`, failedTests: names, confirmedBy: rerun };
  }
  if (flaky.length) {
    return { outcome: 'error', detail: `exit 1: ${flaky.length} failed, but the kill was not reproduced: the failed test(s) passed on a re-run against the variant (flaky test?)${first(flaky)}`, failedTests: flaky.map((t) => t.name), confirmedBy: [] };
  }
  const odd = tests.filter(notTarget);
  if (odd.length) return { outcome: 'error', detail: `${odd.length} test(s) ${odd[0]?.outcome}${first(odd)}`, failedTests: [], confirmedBy: [] };
  const ran = tests.filter((t) => t.projectName === 'emulator' && t.outcome === 'passed').length;
  return { outcome: 'survived', detail: ran ? `exit 0: ${ran} selected test(s) passed against the mutated emulator` : 'exit 0: no test matched its seenBy', failedTests: [], confirmedBy: [] };
}

/**
 * A benign variant's whole-suite entry: passed = every test passed (or was skipped by its own gate) and
 * some test ran; failed = a test failed (a false failure); error = a test could not be judged.
 */
export function judgeSuite(tests: readonly ContractTest[]): EntryVerdict<BenignOutcome> {
  const failed = tests.filter((t) => t.outcome === 'failed');
  if (failed.length) return { outcome: 'failed', detail: `exit 1: ${failed.length} failed${first(failed)}`, failedTests: failed.map((t) => t.name), confirmedBy: [] };
  const odd = tests.filter(notTarget);
  if (odd.length) return { outcome: 'error', detail: `${odd.length} test(s) ${odd[0]?.outcome}${first(odd)}`, failedTests: [], confirmedBy: [] };
  const ran = tests.filter((t) => t.projectName === 'emulator' && t.outcome === 'passed').length;
  if (ran === 0 || !tests.some((t) => t.projectName === 'teardown' && t.outcome === 'passed')) return { outcome: 'error', detail: 'the run is incomplete: no test or no teardown ran', failedTests: [], confirmedBy: [] };
  return { outcome: 'passed', detail: `exit 0: ${ran} passed`, failedTests: [], confirmedBy: [] };
}

/** Time of an entry: its tests' durations, every attempt (its projects ran beside other entries'). */
export const entryDurationMs = (tests: readonly ContractTest[]): number => Math.round(tests.reduce((n, t) => n + t.durationMs, 0));
