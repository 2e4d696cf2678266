/**
 * The thresholds: a table of small named checks, each judging one command's statistics against
 * the run's expectation. Run-level checks (leak check, unmatched results, ceiling, soak drift)
 * live in run-checks.ts. Tolerances and their reasoning: tolerances.ts.
 */
import { describeCode } from '../../src/errors/index.ts';
import type { LimiterShape } from '../../src/rules/index.ts';
import type { LoadCommand } from '../plan/commands.ts';
import type { Expectation } from '../plan/profiles.ts';
import { CommandStats, total } from './stats.ts';
import { TOLERANCES, throttleShareBand } from '../plan/tolerances.ts';

export interface RunExpectation {
  expectation: Expectation;
  /** Documented ceiling C, calls/s per command. */
  ceiling: number;
  /** Burst allowance B of the target's limiter, calls. */
  burst: number;
  /** Run length T, seconds. */
  seconds: number;
  throttleCode: number;
  /** TCIM_EXPECT_THROTTLE_CODE set: only that code counts; unset, any throttle code of the error table (a doc-allowed answer). */
  throttleCodePinned?: boolean;
  /** How the target's limiter counts (default unknown: the band holds for either shape). */
  limiter?: LimiterShape;
  /** Segments (vegeta processes) whose calls these statistics hold. */
  segments?: number;
  /** Per-command rate the target sees (all segments together); default: the command's own target rate. */
  serverRates?: Partial<Record<LoadCommand, number>>;
}

export interface CheckResult {
  name: string;
  command: LoadCommand | 'run';
  passed: boolean;
  observed: string;
  expected: string;
}

interface Check {
  name: string;
  applies(e: RunExpectation): boolean;
  judge(s: CommandStats, e: RunExpectation): { passed: boolean; observed: string; expected: string };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
const list = (c: Record<string, number>): string => (Object.keys(c).length === 0 ? 'none' : Object.entries(c).map(([k, v]) => `${k}×${v}`).join(', '));
const always = (): boolean => true;
const noThrottleExpected = (e: RunExpectation): boolean => e.expectation === 'all-ok' || e.expectation === 'zero-throttled';

export const CHECKS: readonly Check[] = [
  {
    name: 'all_calls_sent',
    applies: (e) => e.expectation !== 'ceiling',
    judge: (s, e) => {
      // vegeta stops scheduling at the deadline: hits that fell due during a final stall are not sent.
      // A stall shorter than the late-start limit is tolerated everywhere else, so is the tail it cuts.
      // Its interval is whole nanoseconds (1e9 / rate, rounded down), which can let one extra hit in.
      const procs = e.segments ?? 1;
      const slack = Math.max(procs, Math.ceil((s.targetRate * s.lateLimitMs) / 1000));
      return {
        passed: s.calls <= s.plannedCalls + procs && s.calls >= s.plannedCalls - slack,
        observed: `${s.calls} calls`,
        expected: `${s.plannedCalls} calls (rate × duration; up to ${slack} may be cut at the deadline, ${procs} may be added)`,
      };
    },
  },
  {
    name: 'rate_achieved',
    applies: (e) => e.expectation !== 'ceiling',
    judge: (s) => {
      const dev = s.targetRate > 0 ? Math.abs(s.achievedRate - s.targetRate) / s.targetRate : 0;
      const span = s.lastTs - s.firstTs;
      const tol = Math.max(TOLERANCES.rateRelative, span > 0 ? s.lateLimitMs / span : 0);
      return { passed: dev <= tol, observed: `${s.achievedRate.toFixed(2)}/s (${pct(dev)} off)`, expected: `${s.targetRate}/s ± ${pct(tol)}` };
    },
  },
  {
    name: 'late_starts',
    applies: always,
    judge: (s) => {
      const allowed = Math.floor(s.calls * TOLERANCES.lateShareMax);
      return { passed: s.late <= allowed, observed: `${s.late} late (> ${s.lateLimitMs.toFixed(0)} ms), max ${s.lateness.maxMs.toFixed(1)} ms`, expected: `≤ ${allowed} (${TOLERANCES.lateShareMax * 100} % of calls)` };
    },
  },
  {
    name: 'no_transport_errors',
    applies: always,
    judge: (s) => ({ passed: total(s.transportErrors) + total(s.httpNon200) === 0, observed: `transport: ${list(s.transportErrors)}; HTTP non-200: ${list(s.httpNon200)}`, expected: 'none (HTTP status is 200 for every API answer)' }),
  },
  {
    name: 'no_contract_errors',
    applies: always,
    judge: (s) => ({
      passed: total(s.contractErrors) + total(s.perItemFailures) === 0,
      observed: `ErrorCode: ${list(s.contractErrors)}; per-item ResultCode: ${list(s.perItemFailures)}`,
      expected: 'only OK, throttle answers and churn consequences',
    }),
  },
  {
    name: 'schema_valid',
    applies: always,
    judge: (s) => ({ passed: s.schema.violations === 0, observed: `${s.schema.violations} of ${s.schema.sampled} sampled${s.schema.examples[0] ? `: ${s.schema.examples[0]}` : ''}`, expected: `0 violations (1 in ${TOLERANCES.schemaEvery} answers validated)` }),
  },
  {
    name: 'throttle_code',
    applies: always,
    judge: (s, e) => {
      // s.throttleCodes holds only throttle-category answers; a pinned code must be the only one of them
      const other = e.throttleCodePinned ? Object.keys(s.throttleCodes).filter((k) => Number(k) !== e.throttleCode) : [];
      return { passed: other.length === 0, observed: list(s.throttleCodes), expected: e.throttleCodePinned ? `throttling answered only with ${describeCode(e.throttleCode)} (TCIM_EXPECT_THROTTLE_CODE)` : `throttling answered with throttle codes of the error table (${describeCode(e.throttleCode)} expected by default)` };
    },
  },
  {
    name: 'zero_throttled',
    applies: noThrottleExpected,
    // a late call that caught up in a bunch after a generator stall may meet an exhausted burst allowance:
    // such answers are the generator's doing (late_starts judges it), not the target's
    judge: (s) => ({
      passed: s.throttled - s.throttledLate === 0,
      observed: `${s.throttled} throttled${s.throttledLate ? ` (${s.throttledLate} of them late starts caught up in a bunch)` : ''}`,
      expected: '0 on calls that started on time (below or at the documented ceiling)',
    }),
  },
  {
    name: 'no_consequences',
    applies: noThrottleExpected,
    judge: (s) => ({
      passed: total(s.consequences) - s.consequencesLate === 0,
      observed: `${list(s.consequences)}${s.consequencesLate ? ` (${s.consequencesLate} caused by throttled late starts)` : ''}`,
      expected: 'none, apart from those of calls throttled after a late start',
    }),
  },
  {
    name: 'throttled_share',
    applies: (e) => e.expectation === 'throttled-share',
    judge: (s, e) => {
      const share = s.calls > 0 ? s.throttled / s.calls : 0;
      const b = throttleShareBand(e.serverRates?.[s.command] ?? s.targetRate, e.ceiling, e.burst, e.seconds, e.limiter);
      // a late hit catches up in a bunch and may be throttled where it would not have been: widen the top by the late share
      const high = Math.min(1, b.high + (s.calls > 0 ? s.late / s.calls : 0));
      return { passed: share >= b.low && share <= high, observed: `${pct(share)} (${s.throttled}/${s.calls})`, expected: `${pct(b.expected)}, band ${pct(b.low)} – ${pct(high)}` };
    },
  },
];

export function judgeCommand(s: CommandStats, e: RunExpectation): CheckResult[] {
  return CHECKS.filter((c) => c.applies(e)).map((c) => ({ name: c.name, command: s.command, ...c.judge(s, e) }));
}

export function judgeAll(stats: Map<LoadCommand, CommandStats>, e: RunExpectation): CheckResult[] {
  return [...stats.values()].flatMap((s) => judgeCommand(s, e));
}
