/** Outcome of a child run: killed, survived or error (a variant); passed or not (a baseline). */
import { Exit } from '../../src/core/exit-codes.ts';
import type { JobResult, Outcome } from './types.ts';

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Why a run ended the way it did, when that is not a plain exit code 0/1. */
function abnormal(r: JobResult, timeoutMs: number): string | undefined {
  const c = r.child;
  if (c.timedOut) return `timed out after ${secs(timeoutMs)} (process group killed)`;
  if (c.exitCode === null) return c.signal ? `ended by signal ${c.signal}` : `could not start: ${lastLine(c.outputTail)}`;
  if (c.exitCode === Exit.CONFIG) return `exit 2 (harness or configuration error): ${lastLine(c.outputTail)}`;
  if (c.exitCode === Exit.INCONCLUSIVE) return `exit 3 (inconclusive): ${lastLine(c.outputTail)}`;
  if (c.exitCode !== Exit.PASS && c.exitCode !== Exit.FAIL) return `unexpected exit ${c.exitCode}: ${lastLine(c.outputTail)}`;
  return undefined;
}

export function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.at(-1) ?? '(no output)').slice(0, 300);
}

/**
 * killed   = exit 1 with at least one failed test (or failed load check) recorded;
 * survived = exit 0;
 * error    = anything else (exit 2/3, timeout, signal, exit 1 without a recorded failure) — not a kill.
 */
export function classifyVariant(r: JobResult, timeoutMs: number): { outcome: Outcome; detail: string } {
  const why = abnormal(r, timeoutMs);
  if (why) return { outcome: 'error', detail: why };
  if (r.child.exitCode === Exit.PASS) return { outcome: 'survived', detail: 'exit 0: the suite passed against the mutated emulator' };
  if (r.failedTests.length === 0) {
    return { outcome: 'error', detail: `exit 1 but no failed test recorded${r.resultsProblem ? ` (${r.resultsProblem})` : ''}: ${lastLine(r.child.outputTail)}` };
  }
  return { outcome: 'killed', detail: `exit 1: ${r.failedTests.length} failed` };
}

/** A baseline passes only with exit 0 (and within its time). */
export function classifyBaseline(r: JobResult, timeoutMs: number): { passed: boolean; detail: string } {
  const why = abnormal(r, timeoutMs);
  if (why) return { passed: false, detail: why };
  if (r.child.exitCode === Exit.PASS) return { passed: true, detail: 'exit 0' };
  const first = r.failedTests[0];
  return { passed: false, detail: `exit 1: ${r.failedTests.length} failed${first ? `, e.g. ${first}` : ''}${r.resultsProblem ? ` (${r.resultsProblem})` : ''}` };
}

/**
 * A contracts kill stands only if the re-run of its failed tests against the same variant fails again
 * (exit 1 with a failed test); otherwise the variant is an error ("kill not reproduced"), not a kill.
 */
export function confirmKill(first: JobResult, confirm: JobResult, timeoutMs: number): { outcome: Outcome; detail: string } {
  const c = classifyVariant(confirm, timeoutMs);
  const failed = `exit 1: ${first.failedTests.length} failed`;
  if (c.outcome === 'killed') return { outcome: 'killed', detail: `${failed}; reproduced on a re-run by ${confirm.failedTests[0]}` };
  if (c.outcome === 'survived') return { outcome: 'error', detail: `${failed}, but the kill was not reproduced: the failed test(s) passed on a re-run against the variant (flaky test?)` };
  return { outcome: 'error', detail: `${failed}, but the re-run could not confirm it: ${c.detail}` };
}
