/**
 * Log-bucket latency histogram (milliseconds), mergeable across segments. Bucket 0 holds values up
 * to BASE_MS; bucket i ≥ 1 holds (BASE·G^(i−1), BASE·G^i]. Percentiles report the bucket's upper
 * bound (capped at the observed maximum), so they never under-state latency and are at most 2 % high.
 */
export const BASE_MS = 0.01;
export const GROWTH = 1.02;
const LOG_G = Math.log(GROWTH);

export interface HistogramJson {
  n: number;
  sumMs: number;
  maxMs: number;
  /** bucket index → count, only non-empty buckets. */
  buckets: Record<string, number>;
}

export const bucketOf = (ms: number): number => (ms <= BASE_MS ? 0 : Math.ceil(Math.log(ms / BASE_MS) / LOG_G - 1e-9));
export const upperBound = (bucket: number): number => BASE_MS * GROWTH ** bucket;

export class Histogram {
  readonly counts = new Map<number, number>();
  n = 0;
  sumMs = 0;
  maxMs = 0;

  add(ms: number, count = 1): void {
    const b = bucketOf(Math.max(0, ms));
    this.counts.set(b, (this.counts.get(b) ?? 0) + count);
    this.n += count;
    this.sumMs += ms * count;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  merge(other: Histogram): this {
    for (const [b, c] of other.counts) this.counts.set(b, (this.counts.get(b) ?? 0) + c);
    this.n += other.n;
    this.sumMs += other.sumMs;
    this.maxMs = Math.max(this.maxMs, other.maxMs);
    return this;
  }

  /** p in [0, 100]; 0 when empty. */
  percentile(p: number): number {
    if (this.n === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    let seen = 0;
    for (const b of [...this.counts.keys()].sort((x, y) => x - y)) {
      seen += this.counts.get(b) as number;
      if (seen >= rank) return Math.min(upperBound(b), this.maxMs);
    }
    return this.maxMs;
  }

  /** Count of values strictly above `ms` (bucket resolution: values in the bucket of `ms` count as not above). */
  countAbove(ms: number): number {
    const limit = bucketOf(ms);
    let n = 0;
    for (const [b, c] of this.counts) if (b > limit) n += c;
    return n;
  }

  mean(): number {
    return this.n === 0 ? 0 : this.sumMs / this.n;
  }

  toJSON(): HistogramJson {
    const buckets: Record<string, number> = {};
    for (const b of [...this.counts.keys()].sort((x, y) => x - y)) buckets[String(b)] = this.counts.get(b) as number;
    return { n: this.n, sumMs: round(this.sumMs), maxMs: round(this.maxMs), buckets };
  }

  static from(json: HistogramJson): Histogram {
    const h = new Histogram();
    for (const [b, c] of Object.entries(json.buckets)) h.counts.set(Number(b), c);
    h.n = json.n;
    h.sumMs = json.sumMs;
    h.maxMs = json.maxMs;
    return h;
  }
}

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
