/**
 * Lazy target feeding: writes JSON targets to vegeta's stdin as it reads them (backpressure), so
 * each target is built moments before use. Bounded: at most plan.count + one second of spares.
 */
import type { Writable } from 'node:stream';
import type { TargetWriter } from './vegeta-targets.ts';

const CHUNK = 32;

export class Feeder {
  written = 0;
  private stopped = false;

  constructor(
    private readonly targets: TargetWriter,
    readonly limit: number,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when the limit is reached, the feeder is stopped, or the stream fails/closes. */
  async run(out: Writable): Promise<void> {
    let failed = false;
    out.on('error', () => {
      failed = true;
    });
    const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
    while (!this.stopped && !failed && this.written < this.limit) {
      let chunk = '';
      const end = Math.min(this.limit, this.written + CHUNK);
      for (let i = this.written; i < end; i++) chunk += this.targets.line(i);
      this.written = end;
      if (!out.write(chunk)) {
        await Promise.race([new Promise((r) => out.once('drain', r)), closed]);
      }
    }
    if (!failed) out.end();
  }
}
