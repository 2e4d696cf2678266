/**
 * The metrics text of a load run: the exposition writer's escaping and both formats, and the
 * OpenMetrics file of a real summary (test/report/fixtures/load-over-summary.json). No traffic.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exposition, type MetricFamily } from '../../src/format/index.ts';
import { checkPushUrl, writeOpenMetrics } from '../../load/metrics/export.ts';
import { METRIC_NAMES } from '../../load/metrics/families.ts';
import type { LoadSummary } from '../../load/report/summary.ts';

const summary = JSON.parse(readFileSync(fileURLToPath(new URL('../report/fixtures/load-over-summary.json', import.meta.url)), 'utf8')) as LoadSummary;
const dir = mkdtempSync(join(tmpdir(), 'tcim-metrics-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('exposition: label values escape backslash, quote and line feed; counters and units per format; # EOF only in OpenMetrics', () => {
  const fams: MetricFamily[] = [
    { name: 'x_calls', type: 'counter', help: 'a "help"\\ with\nnewline', samples: [{ labels: { v: 'a"b\\c\nd' }, suffix: '_total', value: 3 }] },
    { name: 'x_seconds', type: 'summary', unit: 'seconds', help: 'h', samples: [{ labels: { quantile: '0.99' }, value: Number.POSITIVE_INFINITY }, { suffix: '_count', value: Number.NaN }] },
  ];
  const prom = exposition(fams, 'prometheus', { run_id: 'r1' });
  assert.equal(
    prom,
    '# HELP x_calls_total a "help"\\\\ with\\nnewline\n# TYPE x_calls_total counter\nx_calls_total{run_id="r1",v="a\\"b\\\\c\\nd"} 3\n' +
      '# HELP x_seconds h\n# TYPE x_seconds summary\nx_seconds{run_id="r1",quantile="0.99"} +Inf\nx_seconds_count{run_id="r1"} NaN\n',
  );
  const om = exposition(fams, 'openmetrics');
  assert.match(om, /^# HELP x_calls a \\"help\\"\\\\ with\\nnewline\n# TYPE x_calls counter\nx_calls_total\{v="a\\"b\\\\c\\nd"\} 3\n/);
  assert.match(om, /# TYPE x_seconds summary\n# UNIT x_seconds seconds\n/);
  assert.ok(om.endsWith('\n# EOF\n'));
  assert.throws(() => exposition([{ name: 'bad-name', type: 'gauge', help: '', samples: [] }], 'prometheus'), /not valid/);
  assert.throws(() => exposition([{ name: 'x_ms', type: 'gauge', unit: 'seconds', help: '', samples: [] }], 'openmetrics'), /must end with its unit/);
});

test('--openmetrics FILE: every documented family, run labels on every sample, values from the summary, # EOF', () => {
  const file = writeOpenMetrics(join(dir, 'sub', 'run.om.txt'), summary);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.endsWith('# EOF\n'));
  const samples = text.split('\n').filter((l) => l && !l.startsWith('#'));
  for (const s of samples) assert.match(s, /^tcim_load_[a-z_]+\{run_id="[a-z0-9,]+",profile="over"(,[a-z_]+="[^"]*")*\} [-+0-9.e]+$/, s);
  const families = new Set([...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]));
  // Every documented name but the ceiling (not a ceiling run) and the baseline count (no baseline) is present.
  assert.deepEqual([...families].sort(), METRIC_NAMES.filter((n) => n !== 'tcim_load_ceiling_rate' && n !== 'tcim_load_baseline_regressions').sort());
  const c = summary.commands['recentcontact/get_contact_group'];
  assert.ok(c);
  const labels = `run_id="${summary.runIds.join(',')}",profile="over",command="recentcontact/get_contact_group"`;
  assert.ok(samples.includes(`tcim_load_achieved_rate{${labels}} ${c.achievedRate}`));
  assert.ok(samples.includes(`tcim_load_latency_seconds{${labels},quantile="0.99"} ${Math.round(c.latencyMs.p99 * 1e6) / 1e9}`));
  assert.ok(samples.includes(`tcim_load_throttled_ratio{${labels}} ${c.throttledShare}`));
  assert.ok(samples.includes(`tcim_load_calls_total{${labels},outcome="throttled"} ${c.throttled}`));
  assert.ok(samples.includes(`tcim_load_run_passed{run_id="${summary.runIds.join(',')}",profile="over"} ${summary.verdict === 'pass' ? 1 : 0}`));
});

test('--push URL is checked before the run', () => {
  assert.equal(checkPushUrl('http://127.0.0.1:9091/'), 'http://127.0.0.1:9091');
  assert.throws(() => checkPushUrl('127.0.0.1:9091'), /--push must be/);
  assert.throws(() => checkPushUrl('ftp://x'), /http\(s\)/);
});
