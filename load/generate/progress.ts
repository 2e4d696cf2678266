/** Progress lines on stderr, at most one per second: profile, elapsed, calls so far, current rate. */

export class Progress {
  private last = 0;
  private lastCalls = 0;
  private lastAt = 0;

  constructor(
    private readonly label: string,
    private readonly write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  ) {}

  /** elapsedMs since the attack started, calls answered so far, planned seconds and rate. */
  update(elapsedMs: number, calls: number, plannedSeconds: number, targetRate: number): void {
    const now = performance.now();
    if (now - this.last < 1000) return;
    const dt = (elapsedMs - this.lastAt) / 1000;
    const rate = dt > 0 ? (calls - this.lastCalls) / dt : 0;
    this.last = now;
    this.lastAt = elapsedMs;
    this.lastCalls = calls;
    this.write(`[load ${this.label}] ${(elapsedMs / 1000).toFixed(0)}s/${plannedSeconds}s  calls ${calls}  rate ${rate.toFixed(0)}/s (target ${targetRate}/s)`);
  }

  note(text: string): void {
    this.write(`[load ${this.label}] ${text}`);
  }
}
