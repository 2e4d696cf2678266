/**
 * An HTTP client of the control API under `/_emulator/` (control-http.ts), for an emulator that runs
 * elsewhere: in a child process (the load side) or behind its URL (a contract test's private emulator).
 * In the same process, `RunningEmulator.control` does the same without HTTP.
 */
import { CONTROL_PREFIX } from './control-http.ts';
import type { DeepPartial, EmulatorConfig, Fault } from './types.ts';
import type { ArrivalWindow } from './arrivals.ts';

export type ControlMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The request statistics (`GET /_emulator/stats`), as the load report keeps them. */
export interface EmulatorStats {
  total: number;
  byCommand: Record<string, { calls: number; byCode: Record<string, number> }>;
  eventLoopLagMs?: { mean: number; p99: number; max: number } | null;
  [field: string]: unknown;
}

/** Long enough for a loaded emulator, short enough that a hung one does not stall a teardown. */
const CONTROL_TIMEOUT_MS = 10_000;
/** How much of a refusal's body an error message quotes. */
const QUOTED_BODY = 300;

export class EmulatorControlClient {
  constructor(
    /** `http://host:port` of the emulator. */
    readonly baseUrl: string,
    private readonly timeoutMs = CONTROL_TIMEOUT_MS,
  ) {}

  /** One control call; anything but 200 throws with the emulator's answer (a 400 says what was wrong). */
  async request<T = unknown>(method: ControlMethod, path: string, body?: unknown): Promise<T> {
    const where = `${CONTROL_PREFIX}/${path}`;
    const res = await fetch(`${this.baseUrl}${where}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`emulator control ${method} ${where} answered ${res.status}: ${text.slice(0, QUOTED_BODY)}`);
    return JSON.parse(text) as T;
  }

  health(): Promise<Record<string, unknown>> {
    return this.request('GET', 'health');
  }

  /** Drops state and counters; `{config: true}` also returns the config to its start value. */
  reset(options: { config?: boolean } = {}): Promise<Record<string, unknown>> {
    return this.request('POST', 'reset', options);
  }

  state(): Promise<Record<string, unknown>> {
    return this.request('GET', 'state');
  }

  config(): Promise<EmulatorConfig> {
    return this.request('GET', 'config');
  }

  /** Deep-merges a partial config (arrays such as faults are replaced); answers the whole new config. */
  patchConfig(patch: DeepPartial<EmulatorConfig>): Promise<EmulatorConfig> {
    return this.request('PATCH', 'config', patch);
  }

  /** Moves the emulator's clock forward by `seconds`. */
  advanceClock(seconds: number): Promise<{ now: number; offsetSeconds: number }> {
    return this.request('POST', 'clock', { advanceSeconds: seconds });
  }

  /** Adds one fault or several; answers every fault now configured. */
  addFaults(faults: Fault | Fault[]): Promise<Fault[]> {
    return this.request('POST', 'faults', faults);
  }

  clearFaults(): Promise<Fault[]> {
    return this.request('DELETE', 'faults');
  }

  stats(): Promise<EmulatorStats> {
    return this.request('GET', 'stats');
  }

  /** Arrival counts per command in 10 ms bins over [fromMs, toMs) (the last 10 minutes are kept). */
  arrivals(fromMs: number, toMs: number): Promise<ArrivalWindow> {
    return this.request('POST', 'arrivals', { fromMs, toMs });
  }
}
