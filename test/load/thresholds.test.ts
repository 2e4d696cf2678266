import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import type { LoadCommand } from '../../load/plan/commands.ts';
import { CommandStats } from '../../load/analyse/stats.ts';
import { judgeCommand, type RunExpectation } from '../../load/analyse/thresholds.ts';
import { expectedBurst, expectedLimiter, expectedThrottleCode, limiterAllowance, throttleShareBand } from '../../load/plan/tolerances.ts';

const CMD: LoadCommand = 'recentcontact/get_contact_group';

/** Stats of `calls` calls at `rate`/s with the given throttled/contract/late numbers. */
function stats(o: { rate: number; seconds: number; calls?: number; throttled?: number; throttleCode?: number; contract?: Record<string, number>; consequences?: Record<string, number>; late?: number; achieved?: number; transport?: number; schemaViolations?: number }): CommandStats {
  const s = new CommandStats(CMD, o.rate, 1000);
  s.plannedCalls = o.rate * o.seconds;
  s.calls = o.calls ?? s.plannedCalls;
  s.throttled = o.throttled ?? 0;
  if (s.throttled) s.throttleCodes = { [o.throttleCode ?? ErrorCodes.API_RATE_LIMITED]: s.throttled };
  s.ok = s.calls - s.throttled;
  s.contractErrors = o.contract ?? {};
  s.consequences = o.consequences ?? {};
  s.late = o.late ?? 0;
  s.achievedRate = o.achieved ?? o.rate;
  if (o.transport) s.transportErrors = { 'connection refused': o.transport };
  s.schema = { sampled: 10, violations: o.schemaViolations ?? 0, unknownFields: 0, examples: [] };
  return s;
}

const E = (kind: RunExpectation['expectation'], seconds: number): RunExpectation => ({ expectation: kind, ceiling: 200, burst: 20, seconds, throttleCode: ErrorCodes.API_RATE_LIMITED });
const failed = (s: CommandStats, e: RunExpectation): string[] => judgeCommand(s, e).filter((c) => !c.passed).map((c) => c.name).sort();

test('throttled-share band: (r − C)/r, lowered by B/(r·T), ± slack', () => {
  const b = throttleShareBand(300, 200, 20, 5, 'gcra');
  assert.ok(Math.abs(b.expected - 1 / 3) < 1e-12);
  assert.ok(Math.abs(b.low - (1 / 3 - 20 / 1500 - 0.02)) < 1e-12);
  assert.ok(Math.abs(b.high - (1 / 3 + 0.02)) < 1e-12);
  assert.deepEqual(throttleShareBand(150, 200, 20, 5), { expected: 0, low: 0, high: 0.02 });
});

test('throttled-share band by limiter shape: a fixed one-second window lets one window (C) more through; unknown allows the larger', () => {
  assert.equal(limiterAllowance(200, 20, 'gcra'), 20);
  assert.equal(limiterAllowance(200, 20, 'fixed-window'), 200);
  assert.equal(limiterAllowance(200, 20, 'unknown'), 200);
  assert.equal(limiterAllowance(200, 500, 'unknown'), 500);
  const fixed = throttleShareBand(300, 200, 20, 5, 'fixed-window');
  assert.ok(Math.abs(fixed.low - (1 / 3 - 200 / 1500 - 0.02)) < 1e-12);
  // a 5 s attack at 300/s against a fixed window aligned badly: 6 windows × 200 pass, 300 of 1500 throttled (20 %)
  assert.ok(fixed.low <= 0.2 && 0.2 <= fixed.high);
  assert.ok(throttleShareBand(300, 200, 20, 5, 'gcra').low > 0.2, 'a smooth limiter may not let a whole window more through');
  assert.equal(expectedLimiter({}), 'unknown');
  assert.equal(expectedLimiter({ TCIM_EXPECT_LIMITER: 'fixed-window' }), 'fixed-window');
  assert.throws(() => expectedLimiter({ TCIM_EXPECT_LIMITER: 'leaky' }), /TCIM_EXPECT_LIMITER="leaky" must be one of gcra, fixed-window, unknown/);
});

const table: { name: string; s: CommandStats; e: RunExpectation; fails: string[] }[] = [
  { name: 'under: clean run passes', s: stats({ rate: 150, seconds: 30 }), e: E('zero-throttled', 30), fails: [] },
  { name: 'at: throttle answers to late starts are the generator’s doing', s: Object.assign(stats({ rate: 200, seconds: 30, throttled: 4, late: 20 }), { throttledLate: 4 }), e: E('zero-throttled', 30), fails: [] },
  { name: 'under: one throttle answer fails', s: stats({ rate: 150, seconds: 30, throttled: 1 }), e: E('zero-throttled', 30), fails: ['zero_throttled'] },
  { name: 'at: consequences fail without throttling', s: stats({ rate: 200, seconds: 30, consequences: { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 1 } }), e: E('zero-throttled', 30), fails: ['no_consequences'] },
  { name: 'smoke: a contract error fails', s: stats({ rate: 1, seconds: 10, contract: { [ErrorCodes.INTERNAL_ERROR]: 1 } }), e: E('all-ok', 10), fails: ['no_contract_errors'] },
  { name: 'late starts within 1 % pass', s: stats({ rate: 200, seconds: 30, late: 60 }), e: E('zero-throttled', 30), fails: [] },
  { name: 'late starts above 1 % fail', s: stats({ rate: 200, seconds: 30, late: 61 }), e: E('zero-throttled', 30), fails: ['late_starts'] },
  { name: 'achieved rate 1.5 % low fails', s: stats({ rate: 200, seconds: 30, achieved: 197 }), e: E('zero-throttled', 30), fails: ['rate_achieved'] },
  { name: 'one call missing is the vegeta cut, two fail', s: stats({ rate: 200, seconds: 30, calls: 5998 }), e: E('zero-throttled', 30), fails: ['all_calls_sent'] },
  { name: 'a tail cut within one late-start limit passes, more fails', s: Object.assign(stats({ rate: 200, seconds: 30, calls: 5990 }), { lateLimitMs: 50 }), e: E('zero-throttled', 30), fails: [] },
  { name: 'one extra hit at the deadline passes, two fail', s: stats({ rate: 200, seconds: 30, calls: 6002 }), e: E('zero-throttled', 30), fails: ['all_calls_sent'] },
  { name: 'a longer tail cut fails', s: Object.assign(stats({ rate: 200, seconds: 30, calls: 5989 }), { lateLimitMs: 50 }), e: E('zero-throttled', 30), fails: ['all_calls_sent'] },
  { name: 'transport errors fail', s: stats({ rate: 200, seconds: 30, transport: 3 }), e: E('zero-throttled', 30), fails: ['no_transport_errors'] },
  { name: 'schema violations fail', s: stats({ rate: 200, seconds: 30, schemaViolations: 1 }), e: E('zero-throttled', 30), fails: ['schema_valid'] },
  { name: 'over: 1/3 throttled passes', s: stats({ rate: 300, seconds: 5, throttled: 480 }), e: E('throttled-share', 5), fails: [] },
  { name: 'over: burst-lowered share still passes', s: stats({ rate: 300, seconds: 5, throttled: 451 }), e: E('throttled-share', 5), fails: [] },
  { name: 'over: no throttling fails', s: stats({ rate: 300, seconds: 5, throttled: 0 }), e: E('throttled-share', 5), fails: ['throttled_share'] },
  { name: 'over: extra throttling from late catch-up bursts is allowed up to the late share', s: stats({ rate: 300, seconds: 5, throttled: 560, late: 40 }), e: E('throttled-share', 5), fails: ['late_starts'] },
  { name: 'over: half throttled fails', s: stats({ rate: 300, seconds: 5, throttled: 750 }), e: E('throttled-share', 5), fails: ['throttled_share'] },
  { name: 'over: another throttle code fails when TCIM_EXPECT_THROTTLE_CODE pins one', s: stats({ rate: 300, seconds: 5, throttled: 480, throttleCode: ErrorCodes.TOO_MANY_REQUESTS }), e: { ...E('throttled-share', 5), throttleCodePinned: true }, fails: ['throttle_code'] },
  { name: 'over: another throttle code of the table passes when none is pinned (docs silent)', s: stats({ rate: 300, seconds: 5, throttled: 480, throttleCode: ErrorCodes.TOO_MANY_REQUESTS }), e: E('throttled-share', 5), fails: [] },
  { name: 'over: churn consequences are allowed', s: stats({ rate: 300, seconds: 5, throttled: 480, consequences: { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 90 } }), e: E('throttled-share', 5), fails: [] },
  { name: 'over: any other error code fails', s: stats({ rate: 300, seconds: 5, throttled: 480, contract: { [ErrorCodes.INVALID_PARAMETER]: 1 } }), e: E('throttled-share', 5), fails: ['no_contract_errors'] },
];

for (const row of table) {
  test(`thresholds: ${row.name}`, () => {
    assert.deepEqual(failed(row.s, row.e), [...row.fails].sort());
  });
}

test('a segment is judged against the rate the target sees (all segments together)', () => {
  const s = stats({ rate: 150, seconds: 5, throttled: 240 });
  assert.deepEqual(failed(s, E('throttled-share', 5)), ['throttled_share']);
  assert.deepEqual(failed(s, { ...E('throttled-share', 5), serverRates: { [CMD]: 300 } }), []);
});

test('TCIM_EXPECT_THROTTLE_CODE / _BURST: defaults, throttle codes only', () => {
  assert.equal(expectedThrottleCode({}), ErrorCodes.API_RATE_LIMITED);
  assert.equal(expectedThrottleCode({ TCIM_EXPECT_THROTTLE_CODE: String(ErrorCodes.SDKAPPID_RATE_LIMITED) }), ErrorCodes.SDKAPPID_RATE_LIMITED);
  assert.throws(() => expectedThrottleCode({ TCIM_EXPECT_THROTTLE_CODE: String(ErrorCodes.INVALID_PARAMETER) }), /not a throttle code/);
  assert.throws(() => expectedThrottleCode({ TCIM_EXPECT_THROTTLE_CODE: 'abc' }), /TCIM_EXPECT_THROTTLE_CODE/);
  assert.equal(expectedBurst({}), 20);
  assert.equal(expectedBurst({ TCIM_EXPECT_THROTTLE_BURST: '200' }), 200);
  assert.throws(() => expectedBurst({ TCIM_EXPECT_THROTTLE_BURST: '-1' }), /TCIM_EXPECT_THROTTLE_BURST/);
});
