/** Exit codes of every tcim-harness command (README "Exit codes"). */
export const Exit = {
  /** Everything ran and passed. */
  PASS: 0,
  /** A contract (or load threshold, or selfcheck gate) failed. */
  FAIL: 1,
  /** Harness or configuration error: bad env var, malformed schema, missing tool. Nothing was judged. */
  CONFIG: 2,
  /** Inconclusive: target unreachable, or throttled beyond the retries. Run again. */
  INCONCLUSIVE: 3,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];
