/** Call counters since start or reset: by command and ErrorCode, throttled, network faults, in-flight. */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Arrivals } from './arrivals.ts';

export class Stats {
  since = new Date().toISOString();
  total = 0;
  throttled = 0;
  inFlight = 0;
  readonly faults = { http502: 0, http502After: 0, close: 0, reset: 0, latency: 0, error: 0 };
  private byCommand = new Map<string, Map<number, number>>();
  /** When calls arrived, per command (10 ms bins, last 10 minutes): `POST /_emulator/arrivals`. */
  readonly arrivals = new Arrivals();
  private lag: IntervalHistogram | undefined;

  startLagMonitor(): void {
    this.lag = monitorEventLoopDelay({ resolution: 20 });
    this.lag.enable();
  }

  stopLagMonitor(): void {
    this.lag?.disable();
  }

  reset(): void {
    this.since = new Date().toISOString();
    this.total = 0;
    this.throttled = 0;
    for (const k of Object.keys(this.faults) as (keyof Stats['faults'])[]) this.faults[k] = 0;
    this.byCommand.clear();
    this.arrivals.reset();
    this.lag?.reset();
  }

  /** One answered call; `code` undefined for network faults (502, reset). */
  record(command: string, code: number | undefined): void {
    this.total++;
    if (code === undefined) return;
    let m = this.byCommand.get(command);
    if (!m) this.byCommand.set(command, (m = new Map()));
    m.set(code, (m.get(code) ?? 0) + 1);
  }

  snapshot(): Record<string, unknown> {
    const byCommand: Record<string, { calls: number; byCode: Record<string, number> }> = {};
    const byCode: Record<string, number> = {};
    for (const [cmd, m] of this.byCommand) {
      const entry = { calls: 0, byCode: {} as Record<string, number> };
      for (const [code, n] of m) {
        entry.calls += n;
        entry.byCode[code] = n;
        byCode[code] = (byCode[code] ?? 0) + n;
      }
      byCommand[cmd] = entry;
    }
    const lag = this.lag;
    return {
      since: this.since,
      total: this.total,
      throttled: this.throttled,
      inFlight: this.inFlight,
      faults: { ...this.faults },
      byCommand,
      byCode,
      eventLoopLagMs: lag && lag.count > 0 ? { mean: round(lag.mean / 1e6), p99: round(lag.percentile(99) / 1e6), max: round(lag.max / 1e6) } : null,
    };
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
