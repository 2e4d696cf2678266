/**
 * The metrics of one load run, from its summary (names documented in load/README.md, "Metrics"):
 * per command (label `command`) target/achieved/accepted rate, latency quantiles (a summary in seconds),
 * throttled ratio, calls by outcome, ceiling found; per run whether it passed, when it started and
 * how many baseline figures regressed.
 */
import type { MetricFamily, MetricSample } from '../../src/format/index.ts';
import { ceilingOf, historyRecord } from '../history/record.ts';
import type { LoadSummary } from '../report/summary.ts';

export const METRIC_NAMES = [
  'tcim_load_target_rate',
  'tcim_load_achieved_rate',
  'tcim_load_accepted_rate',
  'tcim_load_latency_seconds',
  'tcim_load_throttled_ratio',
  'tcim_load_calls',
  'tcim_load_ceiling_rate',
  'tcim_load_run_passed',
  'tcim_load_run_start_timestamp_seconds',
  'tcim_load_run_duration_seconds',
  'tcim_load_baseline_regressions',
] as const;

/** Milliseconds as seconds without float dust (0.003956, not 0.0039560000000000003). */
const sec = (ms: number): number => Math.round(ms * 1e6) / 1e9;

const QUANTILES = [
  ['0.5', 'p50'],
  ['0.95', 'p95'],
  ['0.99', 'p99'],
] as const;

export function loadMetricFamilies(s: LoadSummary): MetricFamily[] {
  const rec = historyRecord(s);
  const cmds = Object.entries(s.commands);
  const per = (f: (name: string) => number | null): MetricSample[] =>
    cmds.flatMap(([name]) => {
      const v = f(name);
      return v === null ? [] : [{ labels: { command: name }, value: v }];
    });
  const latency: MetricSample[] = cmds.flatMap(([name, c]) => [
    ...QUANTILES.map(([q, k]) => ({ labels: { command: name, quantile: q }, value: sec(c.latencyMs[k]) })),
    { labels: { command: name }, suffix: '_sum' as const, value: sec(c.latencyMs.mean * c.calls) },
    { labels: { command: name }, suffix: '_count' as const, value: c.calls },
  ]);
  const calls: MetricSample[] = cmds.flatMap(([name, c]) =>
    (
      [
        ['ok', c.ok],
        ['throttled', c.throttled],
        ['other', Math.max(0, c.calls - c.ok - c.throttled)],
      ] as const
    ).map(([outcome, value]) => ({ labels: { command: name, outcome }, suffix: '_total' as const, value })),
  );
  const families: MetricFamily[] = [
    { name: 'tcim_load_target_rate', type: 'gauge', help: 'Target call rate per command (calls/s; ceiling profile: highest step).', samples: per((n) => rec.commands[n]?.targetRate ?? null) },
    { name: 'tcim_load_achieved_rate', type: 'gauge', help: 'Calls sent per second per command.', samples: per((n) => rec.commands[n]?.achievedRate ?? null) },
    { name: 'tcim_load_accepted_rate', type: 'gauge', help: 'OK answers per second per command.', samples: per((n) => rec.commands[n]?.acceptedRate ?? null) },
    { name: 'tcim_load_latency_seconds', type: 'summary', unit: 'seconds', help: 'Call latency per command: p50, p95, p99 over the run.', samples: latency },
    { name: 'tcim_load_throttled_ratio', type: 'gauge', help: 'Share of calls answered with the throttle code (0..1).', samples: per((n) => rec.commands[n]?.throttledShare ?? null) },
    { name: 'tcim_load_calls', type: 'counter', help: 'Calls of the run per command by outcome: ok, throttled, other (contract, transport, HTTP errors).', samples: calls },
  ];
  const ceiling = per((n) => ceilingOf(s, n));
  if (ceiling.length) families.push({ name: 'tcim_load_ceiling_rate', type: 'gauge', help: 'Ceiling found per command (calls/s): the sustained rate of the probe, else the first throttled step.', samples: ceiling });
  families.push(
    { name: 'tcim_load_run_passed', type: 'gauge', help: '1 when the run passed, 0 when it failed or was inconclusive.', samples: [{ value: s.verdict === 'pass' ? 1 : 0 }] },
    { name: 'tcim_load_run_start_timestamp_seconds', type: 'gauge', unit: 'seconds', help: 'Start of the run (Unix time).', samples: [{ value: Date.parse(s.startedAt) / 1000 }] },
    { name: 'tcim_load_run_duration_seconds', type: 'gauge', unit: 'seconds', help: 'Length of the attack (ceiling profile: per step).', samples: [{ value: s.expectation.seconds }] },
  );
  if (s.baseline?.against) families.push({ name: 'tcim_load_baseline_regressions', type: 'gauge', help: 'Figures beyond their tolerance against the baseline run.', samples: [{ value: s.baseline.comparisons.filter((c) => !c.passed).length }] });
  return families;
}
