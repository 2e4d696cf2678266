/**
 * `--openmetrics FILE` and `--push URL`: the run's metrics as an OpenMetrics text file, and PUT to a
 * Prometheus Pushgateway under the grouping key job/<job>/run_id/<id>/profile/<profile> (PUT replaces
 * that group, so a re-push of the same run never doubles it). A push that fails says why and where;
 * the caller turns it into exit 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXPOSITION_CONTENT_TYPE, exposition } from '../../src/format/index.ts';
import { LoadConfigError } from '../plan/commands.ts';
import type { LoadSummary } from '../report/summary.ts';
import { loadMetricFamilies } from './families.ts';

export const PUSH_JOB = 'tcim_harness_load';
const PUSH_TIMEOUT_MS = 10_000;

export class MetricsPushError extends Error {
  override name = 'MetricsPushError';
}

/** The labels the run's series carry: in the file on every sample, at the gateway in the grouping key. */
export const runLabels = (s: LoadSummary): { run_id: string; profile: string } => ({ run_id: s.runIds.join(','), profile: s.profile });

/** Checks a --push URL before the run (exit 2 for a bad one); returns it without a trailing slash. */
export function checkPushUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new LoadConfigError(`--push must be the Pushgateway's base URL (e.g. http://127.0.0.1:9091), got "${url}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new LoadConfigError(`--push must be an http(s) URL, got ${u.protocol}`);
  if (u.search || u.hash) throw new LoadConfigError('--push: give the base URL without a query or fragment');
  return url.replace(/\/+$/, '');
}

/** The URL shown in messages: no user name or password. */
export function displayUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString().replace(/\/+$/, '');
}

export function writeOpenMetrics(file: string, s: LoadSummary): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, exposition(loadMetricFamilies(s), 'openmetrics', runLabels(s)));
  return file;
}

/** The group URL of a run at the gateway. */
export function pushGroupUrl(base: string, s: LoadSummary, job = PUSH_JOB): string {
  const l = runLabels(s);
  return `${base}/metrics/job/${encodeURIComponent(job)}/run_id/${encodeURIComponent(l.run_id)}/profile/${encodeURIComponent(l.profile)}`;
}

/** PUTs the run's metrics; resolves with the group URL, rejects with MetricsPushError. */
export async function pushMetrics(base: string, s: LoadSummary, job = PUSH_JOB): Promise<string> {
  const url = pushGroupUrl(base, s, job);
  const shown = displayUrl(url);
  let res: Response;
  try {
    res = await fetch(url, { method: 'PUT', headers: { 'content-type': EXPOSITION_CONTENT_TYPE.prometheus }, body: exposition(loadMetricFamilies(s), 'prometheus'), signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' ? `no answer within ${PUSH_TIMEOUT_MS / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new MetricsPushError(`--push: could not reach the Pushgateway at ${shown} (${why}); the run's metrics were not pushed`);
  }
  if (!res.ok) {
    const body = (await res.text().catch(() => '')).trim().slice(0, 300);
    throw new MetricsPushError(`--push: the Pushgateway at ${shown} answered HTTP ${res.status}${body ? `: ${body}` : ''}; the run's metrics were not pushed`);
  }
  return shown;
}
