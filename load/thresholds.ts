/**
 * The thresholds: a table of small named checks, each judging one command's statistics against
 * the run's expectation. Run-level checks (leak check, unmatched results, ceiling, soak drift)
 * live in run-checks.ts. Tolerances and their reasoning: tolerances.ts.
 */
import { describeCode } from '../src/errors/index.ts';
import type { LoadCommand } from './commands.ts';
import type { Expectation } from './profiles.ts';
import { CommandStats, total } from './stats.ts';
import { TOLERANCES, throttleShareBand } from './tolerances.ts';

export interface RunExpectation {
  expectation: Expectation;
  /** Documented ceiling C, calls/s per command. */
  ceiling: number;
  /** Burst allowance B of the target's limiter, calls. */
  burst: number;
  /** Run length T, seconds. */
  seconds: number;
  throttleCode: number;
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
      // vegeta stops once the duration has passed: when its final tick is late by more than one
      // interval, the last hit of the attack is not sent — at most one call per vegeta process.
      const slack = e.segments ?? 1;
      return { passed: s.calls <= s.plannedCalls && s.calls >= s.plannedCalls - slack, observed: `${s.calls} calls`, expected: `${s.plannedCalls} calls (rate × duration; the last hit of a vegeta process may be cut: −${slack})` };
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
      const other = Object.keys(s.throttleCodes).filter((k) => Number(k) !== e.throttleCode);
      return { passed: other.length === 0, observed: list(s.throttleCodes), expected: `throttling answered only with ${describeCode(e.throttleCode)}` };
    },
  },
  {
    name: 'zero_throttled',
    applies: noThrottleExpected,
    judge: (s) => ({ passed: s.throttled === 0, observed: `${s.throttled} throttled`, expected: '0 (below or at the documented ceiling)' }),
  },
  {
    name: 'no_consequences',
    applies: noThrottleExpected,
    judge: (s) => ({ passed: total(s.consequences) === 0, observed: list(s.consequences), expected: 'none (nothing was throttled)' }),
  },
  {
    name: 'throttled_share',
    applies: (e) => e.expectation === 'throttled-share',
    judge: (s, e) => {
      const share = s.calls > 0 ? s.throttled / s.calls : 0;
      const b = throttleShareBand(e.serverRates?.[s.command] ?? s.targetRate, e.ceiling, e.burst, e.seconds);
      return { passed: share >= b.low && share <= b.high, observed: `${pct(share)} (${s.throttled}/${s.calls})`, expected: `${pct(b.expected)}, band ${pct(b.low)} – ${pct(b.high)}` };
    },
  },
];

export function judgeCommand(s: CommandStats, e: RunExpectation): CheckResult[] {
  return CHECKS.filter((c) => c.applies(e)).map((c) => ({ name: c.name, command: s.command, ...c.judge(s, e) }));
}

export function judgeAll(stats: Map<LoadCommand, CommandStats>, e: RunExpectation): CheckResult[] {
  return [...stats.values()].flatMap((s) => judgeCommand(s, e));
}
