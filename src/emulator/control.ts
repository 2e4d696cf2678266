/**
 * In-process control of a running emulator: the same operations as the HTTP control API under
 * `/_emulator/`, plus direct access to the app state for seeding (benchmarks, tests).
 */
import { ControlInputError, mergeConfig, validateFaults } from './config.ts';
import type { Runtime } from './runtime.ts';
import type { AppState } from './state/app.ts';
import type { EmulatorConfig } from './types.ts';
import type { ArrivalWindow } from './arrivals.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_OFFSET = 4_000_000_000;

function integerField(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > MAX_OFFSET) {
    throw new ControlInputError(`${name} must be an integer number of seconds`);
  }
  return v;
}

export class EmulatorControl {
  constructor(private readonly rt: Runtime) {}

  /** The app state itself (accounts, IM groups, users): seed it directly, without HTTP. */
  get app(): AppState {
    return this.rt.app;
  }

  /** Unix seconds on the emulator clock. */
  now(): number {
    return this.rt.now();
  }

  health(): Record<string, unknown> {
    const { sdkappid, admin } = this.rt.identity;
    return { ok: true, sdkappid, admin, variant: this.rt.variant?.name ?? null, now: this.rt.now() };
  }

  /** Drops state and counters; with `{config: true}` also returns the config to its start value. */
  reset(input: unknown = {}): Record<string, unknown> {
    if (input !== undefined && !isObject(input)) throw new ControlInputError('reset body must be a JSON object, e.g. {"config":true}');
    const extra = Object.keys(input ?? {}).filter((k) => k !== 'config');
    if (extra.length) throw new ControlInputError(`reset: unknown field ${extra[0]}`);
    const withConfig = (input as { config?: unknown } | undefined)?.config;
    if (withConfig !== undefined && typeof withConfig !== 'boolean') throw new ControlInputError('reset: config must be true or false');
    this.rt.reset(withConfig === true);
    return { ok: true, config: withConfig === true };
  }

  state(): Record<string, unknown> {
    return this.rt.app.snapshot(this.rt.now(), this.rt.config.choices);
  }

  config(): EmulatorConfig {
    return structuredClone(this.rt.config);
  }

  /** Deep-merges a partial config (arrays such as faults are replaced). Throws ControlInputError. */
  patchConfig(patch: unknown): EmulatorConfig {
    this.rt.setConfig(mergeConfig(this.rt.config, patch));
    return this.config();
  }

  /** `{advanceSeconds: n}` moves the clock forward by n; `{offsetSeconds: n}` sets the offset from real time. */
  clock(input: unknown): { now: number; offsetSeconds: number } {
    if (!isObject(input)) throw new ControlInputError('clock body must be {"advanceSeconds": n} or {"offsetSeconds": n}');
    const keys = Object.keys(input);
    if (keys.length !== 1 || (keys[0] !== 'advanceSeconds' && keys[0] !== 'offsetSeconds')) {
      throw new ControlInputError('clock body must have exactly one of advanceSeconds, offsetSeconds');
    }
    const current = this.rt.config.clockOffsetSeconds;
    const offset = 'advanceSeconds' in input ? current + integerField(input.advanceSeconds, 'advanceSeconds') : integerField(input.offsetSeconds, 'offsetSeconds');
    this.rt.setConfig(mergeConfig(this.rt.config, { clockOffsetSeconds: offset }));
    return { now: this.rt.now(), offsetSeconds: offset };
  }

  /** Adds one fault or an array of faults. */
  addFaults(input: unknown): EmulatorConfig['faults'] {
    const added = validateFaults(input);
    this.rt.setConfig({ ...this.rt.config, faults: [...this.rt.config.faults, ...added] });
    return structuredClone(this.rt.config.faults);
  }

  clearFaults(): EmulatorConfig['faults'] {
    this.rt.setConfig({ ...this.rt.config, faults: [] });
    return [];
  }

  stats(): Record<string, unknown> {
    return this.rt.stats.snapshot();
  }

  /** Arrival counts per command in 10 ms bins over `{fromMs, toMs}` (epoch ms; default the last minute). */
  arrivals(input: unknown = {}): ArrivalWindow {
    if (input !== undefined && !isObject(input)) throw new ControlInputError('arrivals body must be {"fromMs": n, "toMs": n}');
    const extra = Object.keys(input ?? {}).filter((k) => k !== 'fromMs' && k !== 'toMs');
    if (extra.length) throw new ControlInputError(`arrivals: unknown field ${extra[0]}`);
    const now = Date.now();
    const ms = (v: unknown, name: string, dflt: number): number => {
      if (v === undefined) return dflt;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ControlInputError(`arrivals: ${name} must be epoch milliseconds`);
      return v;
    };
    const b = (input ?? {}) as { fromMs?: unknown; toMs?: unknown };
    const to = ms(b.toMs, 'toMs', now);
    const from = ms(b.fromMs, 'fromMs', to - 60_000);
    if (from > to) throw new ControlInputError('arrivals: fromMs must not be after toMs');
    return this.rt.stats.arrivals.window(from, to, now);
  }
}
