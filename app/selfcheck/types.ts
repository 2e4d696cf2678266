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
  wallMs: number;
  parallel: number;
  timeoutMs: number;
  counts: { variants: number; killed: number; survived: number; error: number };
  baseline: { contracts: BaselineResult; load: BaselineResult | null };
  variants: VariantResult[];
}
