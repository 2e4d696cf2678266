/**
 * Rate limiting, in the shape of choice `limiter` (the docs give 200 calls/s, not how they are counted).
 * `gcra` — smooth rate limiting with GCRA (generic cell rate algorithm): per command per app, plus an optional
 * app-wide limit. A call conforms when its theoretical arrival time is at most `burst` intervals ahead;
 * calls under the rate are never refused, a steady 1.5x rate loses about 1/3, and no window of one
 * second ever admits more than rate + burst + 1 calls (no double burst across a second boundary).
 * `fixed-window` — a counter per whole second of the wall clock (`nowMs` is epoch ms: windows start at each
 * whole second, as a per-second counter keyed by the server's time does — the choice of alignment; one
 * aligned to a client's first call would only move where in the second the refusals fall): `perSecond`
 * calls pass in each window, the rest of the window is refused (so up to twice the rate can pass across a
 * window boundary, and at a steady rate above it every refusal falls at the end of a window).
 */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, type Reply } from '../reply.ts';
import type { EmulatorChoices, ThrottleConfig } from '../types.ts';

const APP_WIDE = '\0app';

export class RateLimiter {
  private tat = new Map<string, number>();

  /** Fixed windows: key -> [window index, calls counted in it]. */
  private windows = new Map<string, [number, number]>();

  reset(): void {
    this.tat.clear();
    this.windows.clear();
  }

  private windowFull(key: string, perSecond: number, nowMs: number): boolean {
    const w = this.windows.get(key);
    return w !== undefined && w[0] === Math.floor(nowMs / 1000) && w[1] >= perSecond;
  }

  private windowCount(key: string, nowMs: number): void {
    const index = Math.floor(nowMs / 1000);
    const w = this.windows.get(key);
    if (w && w[0] === index) w[1]++;
    else this.windows.set(key, [index, 1]);
  }

  private conforms(key: string, perSecond: number, burst: number, nowMs: number): boolean {
    const interval = 1000 / perSecond;
    const tat = Math.max(this.tat.get(key) ?? nowMs, nowMs);
    return tat - nowMs <= burst * interval;
  }

  private consume(key: string, perSecond: number, nowMs: number): void {
    const tat = Math.max(this.tat.get(key) ?? nowMs, nowMs);
    this.tat.set(key, tat + 1000 / perSecond);
  }

  /** The throttle answer, or undefined when the call may pass (and is then counted). */
  check(command: string, t: ThrottleConfig, nowMs: number, shape: EmulatorChoices['limiter']): Reply | undefined {
    if (!t.enabled) return undefined;
    if (shape === 'fixed-window') return this.checkWindow(command, t, nowMs);
    const appWide = t.appWidePerSecond > 0;
    if (appWide && !this.conforms(APP_WIDE, t.appWidePerSecond, t.burst, nowMs)) {
      return fail(ErrorCodes.SDKAPPID_RATE_LIMITED);
    }
    if (!this.conforms(command, t.perSecond, t.burst, nowMs)) return fail(t.code);
    if (appWide) this.consume(APP_WIDE, t.appWidePerSecond, nowMs);
    this.consume(command, t.perSecond, nowMs);
    return undefined;
  }

  private checkWindow(command: string, t: ThrottleConfig, nowMs: number): Reply | undefined {
    const appWide = t.appWidePerSecond > 0;
    if (appWide && this.windowFull(APP_WIDE, t.appWidePerSecond, nowMs)) return fail(ErrorCodes.SDKAPPID_RATE_LIMITED);
    if (this.windowFull(command, t.perSecond, nowMs)) return fail(t.code);
    if (appWide) this.windowCount(APP_WIDE, nowMs);
    this.windowCount(command, nowMs);
    return undefined;
  }
}
