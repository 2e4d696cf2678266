/**
 * Counts the results vegeta has written so far, for progress lines. The results file is a gob
 * stream: each message is a length (gob uint) and a payload starting with a type id (gob int);
 * type definitions have negative ids, values (one per result) positive ones. Read incrementally.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** gob uint at `at`: [value, bytes used], or undefined when incomplete. */
export function readGobUint(buf: Buffer, at: number): [number, number] | undefined {
  const b = buf[at];
  if (b === undefined) return undefined;
  if (b < 128) return [b, 1];
  const n = 256 - b;
  if (n > 8 || at + 1 + n > buf.length) return undefined;
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + (buf[at + 1 + i] as number);
  return [v, 1 + n];
}

export class GobResultCounter {
  count = 0;
  private offset = 0;
  private fd: number | undefined;

  constructor(private readonly file: string) {}

  /** Reads what was appended since the last call; returns the number of results so far. */
  poll(): number {
    try {
      this.fd ??= openSync(this.file, 'r');
    } catch {
      return this.count;
    }
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(this.fd, chunk, 0, chunk.length, this.offset);
      if (n <= 0) break;
      const buf = chunk.subarray(0, n);
      let at = 0;
      while (at < buf.length) {
        const len = readGobUint(buf, at);
        if (!len || at + len[1] + len[0] > buf.length) break;
        const type = readGobUint(buf, at + len[1]);
        if (type && (type[0] & 1) === 0) this.count++;
        at += len[1] + len[0];
      }
      if (at === 0) break;
      this.offset += at;
      if (n < chunk.length) break;
    }
    return this.count;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
