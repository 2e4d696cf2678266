/**
 * `load --push` against the real Pushgateway (Debian's prometheus-pushgateway, installed by
 * scripts/setup.sh): the test starts one on a free loopback port, waits until it is ready, runs a short
 * load through the CLI with --push, reads the run's series back (/api/v1/metrics) and compares labels
 * and values with the run's summary.json; it stops the gateway after, also on failure. A push to a
 * closed port and a non-2xx answer are clear errors (exit 2). About 20 s.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MetricsPushError, pushMetrics, PUSH_JOB } from '../../load/metrics/export.ts';
import type { LoadSummary } from '../../load/report/summary.ts';
import { freePort, loadCli as cli } from './load-cli-child.ts';

const GATEWAY = '/usr/bin/prometheus-pushgateway';
const dir = mkdtempSync(join(tmpdir(), 'tcim-push-'));
const missing = existsSync(GATEWAY) ? false : `${GATEWAY} is not installed (scripts/setup.sh installs it as root; TCIM_SKIP_PUSHGATEWAY=1 skips that)`;

let gateway: ChildProcess | undefined;
let url = '';
let gatewayLog = '';

before(async () => {
  if (missing) return;
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  gateway = spawn(GATEWAY, [`--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  gateway.stderr?.on('data', (d: Buffer) => (gatewayLog = (gatewayLog + d.toString()).slice(-4000)));
  // Ready within 15 s (checked every 100 ms), or the test fails with the gateway's own log.
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    if (gateway.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the Pushgateway did not get ready on ${url}: ${gatewayLog}`);
});

after(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((r) => gateway?.once('exit', r));
    gateway.kill('SIGTERM');
    const killer = setTimeout(() => gateway?.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(dir, { recursive: true, force: true });
});

interface ApiGroup {
  labels: Record<string, string>;
  [metric: string]: unknown;
}
type ApiFamily = { type: string; metrics: { labels: Record<string, string>; value?: string; quantiles?: Record<string, string>; count?: string; sum?: string }[] };

test('--push: the run\'s series are at the gateway under job/run_id/profile, labelled per command, values as in summary.json', { skip: missing }, async () => {
  const reportDir = join(dir, 'load');
  const r = await cli(['--profile', 'smoke', '--duration', '3s', '--commands', 'get,search', '--report-dir', reportDir, '--push', url]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const s = JSON.parse(readFileSync(join(reportDir, 'smoke', 'summary.json'), 'utf8')) as LoadSummary;
  assert.match(r.stderr, new RegExp(`metrics pushed to ${url}/metrics/job/${PUSH_JOB}/run_id/${s.runIds[0]}/profile/smoke`));
  const api = (await (await fetch(`${url}/api/v1/metrics`)).json()) as { status: string; data: ApiGroup[] };
  assert.equal(api.status, 'success');
  const group = api.data.find((g) => g.labels.run_id === s.runIds[0]);
  assert.ok(group, JSON.stringify(api.data.map((g) => g.labels)));
  assert.deepEqual(group.labels, { job: PUSH_JOB, run_id: s.runIds[0], profile: 'smoke' });
  assert.equal(group.last_push_successful, true);
  const fam = (name: string): ApiFamily => group[name] as ApiFamily;
  for (const [command, c] of Object.entries(s.commands)) {
    const one = (name: string, extra: Record<string, string> = {}) => fam(name).metrics.find((m) => m.labels.command === command && Object.entries(extra).every(([k, v]) => m.labels[k] === v));
    assert.equal(Number(one('tcim_load_achieved_rate')?.value), Math.round(c.achievedRate * 1000) / 1000, command);
    assert.equal(Number(one('tcim_load_target_rate')?.value), c.targetRate);
    assert.equal(Number(one('tcim_load_accepted_rate')?.value), Math.round(((c.achievedRate * c.ok) / c.calls) * 1000) / 1000);
    assert.equal(Number(one('tcim_load_throttled_ratio')?.value), c.throttledShare);
    assert.equal(Number(one('tcim_load_calls_total', { outcome: 'ok' })?.value), c.ok);
    const lat = one('tcim_load_latency_seconds');
    assert.equal(fam('tcim_load_latency_seconds').type, 'SUMMARY');
    assert.equal(Number(lat?.quantiles?.['0.99']), Math.round(c.latencyMs.p99 * 1e6) / 1e9);
    assert.equal(Number(lat?.count), c.calls);
    const labels = lat?.labels ?? {};
    assert.deepEqual({ job: labels.job, run_id: labels.run_id, profile: labels.profile }, group.labels);
  }
  assert.equal(Number(fam('tcim_load_run_passed').metrics[0]?.value), 1);
  // A non-2xx answer (a path the gateway does not serve) is an error naming the status.
  await assert.rejects(pushMetrics(`${url}/nowhere`, s), (e: Error) => e instanceof MetricsPushError && /answered HTTP 404/.test(e.message));
});

test('--push to a closed port: exit 2 and a clear error after the reports are written', async () => {
  const port = await freePort();
  const reportDir = join(dir, 'closed');
  const r = await cli(['--profile', 'smoke', '--duration', '2s', '--commands', 'get', '--report-dir', reportDir, '--push', `http://127.0.0.1:${port}`]);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, new RegExp(`--push: could not reach the Pushgateway at http://127\\.0\\.0\\.1:${port}/metrics/job/${PUSH_JOB}/run_id/[a-z0-9]+/profile/smoke \\(ECONNREFUSED\\); the run's metrics were not pushed \\(exit 2\\)`));
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(existsSync(join(reportDir, 'smoke', 'summary.json')));
  assert.ok(existsSync(join(dir, 'history', 'load.jsonl')));
});
