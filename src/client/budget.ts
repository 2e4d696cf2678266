/** A smooth pacer: at most `perSecond` calls, evenly spaced. Shared by all calls of one process. */
export class RateBudget {
  private next = 0;
  constructor(readonly perSecond: number) {
    if (!(perSecond > 0)) throw new RangeError('rate budget must be positive');
  }

  async acquire(): Promise<void> {
    const interval = 1000 / this.perSecond;
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + interval;
    const wait = at - now;
    if (wait > 0.5) await new Promise((r) => setTimeout(r, wait));
  }
}
