/** Shared helpers of the load tests: a synthetic plan and vegeta-like result lines. */
import { Plan } from '../../load/plan/plan.ts';
import { Pool } from '../../load/plan/user-pool.ts';
import { RandomCodec } from '../../load/plan/random.ts';
import type { Rates } from '../../load/plan/schedule.ts';
import { TargetWriter } from '../../load/generate/vegeta-targets.ts';
import { LOAD_COMMANDS } from '../../load/plan/commands.ts';

export const SIGNED = { baseUrl: 'http://127.0.0.1:1', sdkappid: 1400000001, admin: 'administrator', usersig: 'sig-for-tests-0000' };

export function makePlan(rates: Rates, seconds: number, segment = { index: 0, count: 1 }): Plan {
  const create = rates['recentcontact/create_contact_group'] ?? 0;
  const pool = new Pool({ runId: 'test', segmentIndex: segment.index, segmentCount: segment.count, maxCreateRate: create });
  pool.imGroupIds = ['@TGS#1AAAAAAAA', '@TGS#1BBBBBBBB'];
  return new Plan({ rates, seconds, pool, codec: new RandomCodec(segment.index, segment.count, 12345) });
}

export const allAt = (r: number): Rates => Object.fromEntries(LOAD_COMMANDS.map((c) => [c, r])) as Rates;

/** RFC 3339 with nanoseconds, like Go's time.Time JSON. */
export function isoNs(ms: number): string {
  const whole = Math.floor(ms);
  const base = new Date(whole).toISOString().slice(0, 19);
  const frac = ms / 1000 - Math.floor(whole / 1000);
  return `${base}.${Math.round(frac * 1e9).toString().padStart(9, '0')}Z`;
}

export interface Hit {
  seq: number;
  tsMs: number;
  url: string;
  code?: number;
  body?: unknown;
  error?: string;
  latencyMs?: number;
}

export function resultLine(h: Hit): string {
  const body = h.body === undefined ? '' : Buffer.from(typeof h.body === 'string' ? h.body : JSON.stringify(h.body)).toString('base64');
  return JSON.stringify({ attack: '', seq: h.seq, code: h.code ?? 200, timestamp: isoNs(h.tsMs), latency: Math.round((h.latencyMs ?? 1) * 1e6), bytes_out: 0, bytes_in: 0, error: h.error ?? '', body, method: 'POST', url: h.url, headers: {} });
}

export const urlOf = (writer: TargetWriter, i: number): string => (JSON.parse(writer.line(i)) as { url: string }).url;

export const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
export const fail = (code: number) => ({ ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: 'x' });
