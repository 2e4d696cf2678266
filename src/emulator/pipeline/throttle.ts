/**
 * Smooth rate limiting with GCRA (generic cell rate algorithm): per command per app, plus an optional
 * app-wide limit. A call conforms when its theoretical arrival time is at most `burst` intervals ahead;
 * calls under the rate are never refused, a steady 1.5x rate loses about 1/3, and no window of one
 * second ever admits more than rate + burst + 1 calls (no double burst across a second boundary).
 */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, type Reply } from '../reply.ts';
import type { ThrottleConfig } from '../types.ts';

const APP_WIDE = '\0app';

export class RateLimiter {
  private tat = new Map<string, number>();

  reset(): void {
    this.tat.clear();
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
  check(command: string, t: ThrottleConfig, nowMs: number): Reply | undefined {
    if (!t.enabled) return undefined;
    const appWide = t.appWidePerSecond > 0;
    if (appWide && !this.conforms(APP_WIDE, t.appWidePerSecond, t.burst, nowMs)) {
      return fail(ErrorCodes.SDKAPPID_RATE_LIMITED);
    }
    if (!this.conforms(command, t.perSecond, t.burst, nowMs)) return fail(t.code);
    if (appWide) this.consume(APP_WIDE, t.appWidePerSecond, nowMs);
    this.consume(command, t.perSecond, nowMs);
    return undefined;
  }
}
