/** Shapes of the mutation self-check: jobs, child results, per-variant results and the summary file. */
import type { KilledBy } from '../../src/emulator/variants/index.ts';

export type { KilledBy };
export type Outcome = 'killed' | 'survived' | 'error';

/** One child run of a suite: the correct emulator (baseline) or one variant. */
export interface Job {
  /** Variant name, or `baseline` / `baseline-load`. */
  name: string;
  description: string;
  suite: KilledBy;
  /** Variant name for TCIM_EMULATOR_VARIANT; undefined for a baseline. */
  variant: string | undefined;
  /** reports/selfcheck/<name>/ */
  reportDir: string;
  /** Arguments after `node`. */
  args: string[];
  env: Record<string, string | undefined>;
}

/** How a child process ended. */
export interface ChildResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** Last lines of its output (redacted), for the error detail. */
  outputTail: string;
}

/** A child result plus the failures read from its report files. */
export interface JobResult {
  child: ChildResult;
  /** Failed contract tests, or failed load checks. */
  failedTests: string[];
  /** Why no failures could be read (missing or malformed results file), if so. */
  resultsProblem?: string;
  /** A doubt about the run worth showing next to its outcome (e.g. the variant was maybe not applied). */
  note?: string;
  /** The run's own record (target.json, load summary) does not name the variant it was given. */
  variantUnconfirmed?: boolean;
}

export interface VariantResult {
  name: string;
  description: string;
  killedBy: KilledBy;
  outcome: Outcome;
  failedTests: string[];
  /** Contracts kills: the failed tests that failed again on the confirming re-run (empty otherwise). */
  confirmedBy: string[];
  /** Both runs (the variant run and its confirmation). */
  durationMs: number;
  exitCode: number | null;
  /** One line: why this outcome (exit code, timeout, not run, ...). */
  detail: string;
  reportDir: string;
  /**
   * Which run judged it: `seen-by` = only the tests of the variant's `seenBy` ran; `full-suite` = the
   * whole suite (no `seenBy`, a load variant, or the `seenBy` tests did not kill it — see `detail`).
   */
  scope?: 'seen-by' | 'full-suite';
  /** True when the variant declares `seenBy` but only the whole suite killed it: its seenBy needs updating. */
  seenByMissed?: boolean;
}

/** A benign variant (a server that differs only where the docs allow): it must pass every suite it goes through. */
export type BenignOutcome = 'passed' | 'failed' | 'error';

/** One suite run of a benign variant. */
export interface BenignRun {
  suite: KilledBy;
  outcome: BenignOutcome;
  exitCode: number | null;
  /** Failed tests or load checks: false failures. */
  failedTests: string[];
  durationMs: number;
  detail: string;
  reportDir: string;
}

export interface BenignResult {
  name: string;
  description: string;
  /** What the docs say about the point where this server differs. */
  docs: string;
  /** passed = every run exit 0; failed = a run failed a test (a false failure); error = a run could not be judged. */
  outcome: BenignOutcome;
  runs: BenignRun[];
  /** All runs. */
  durationMs: number;
  detail: string;
}

export interface BaselineResult {
  suite: KilledBy;
  passed: boolean;
  exitCode: number | null;
  failedTests: string[];
  durationMs: number;
  detail: string;
  reportDir: string;
}

export interface SelfcheckSummary {
  schemaVersion: 1;
  kind: 'tcim-selfcheck-summary';
  gate: 'pass' | 'fail';
  /** Killed variants / variants, 0..1 (0 when no variant was selected). */
  killRate: number;
  startedAt: string;
  finishedAt: string;
  /** Wall time of the whole self-check (baselines, mutants and benign variants). */
  wallMs: number;
  parallel: number;
  timeoutMs: number;
  counts: { variants: number; killed: number; survived: number; error: number };
  /** Benign variants that did not pass (failed or error) / benign variants, 0..1 (0 when none ran). */
  falseFailureRate: number;
  benignCounts: { variants: number; passed: number; failed: number; error: number };
  baseline: { contracts: BaselineResult; load: BaselineResult | null };
  variants: VariantResult[];
  benign: BenignResult[];
}
