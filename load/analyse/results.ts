/** One line of `vegeta encode --to=json`, parsed. */

export interface VegetaResult {
  seq: number;
  /** HTTP status; 0 when no response arrived (transport error). */
  code: number;
  /** Start of the hit, epoch milliseconds with sub-millisecond fraction. */
  tsMs: number;
  latencyMs: number;
  error: string;
  body: string;
  url: string;
}

const TS_RE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** RFC 3339 with nanoseconds (Go's time.Time JSON) → epoch ms; Date.parse alone drops the sub-ms part. */
export function parseTimestamp(s: string): number {
  const m = TS_RE.exec(s);
  if (!m) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new SyntaxError(`not a timestamp: ${s}`);
    return t;
  }
  const whole = Date.parse(`${m[1]}${m[3]}`);
  const frac = m[2] ? Number(`0${m[2]}`) : 0;
  return whole + frac * 1000;
}

interface RawResult {
  seq?: number;
  code?: number;
  timestamp?: string;
  latency?: number;
  error?: string;
  body?: string | null;
  url?: string;
}

export function parseResultLine(line: string): VegetaResult {
  const r = JSON.parse(line) as RawResult;
  return {
    seq: r.seq ?? 0,
    code: r.code ?? 0,
    tsMs: parseTimestamp(r.timestamp ?? ''),
    latencyMs: (r.latency ?? 0) / 1e6,
    error: r.error ?? '',
    body: r.body ? Buffer.from(r.body, 'base64').toString('utf8') : '',
    url: r.url ?? '',
  };
}
