/**
 * When calls arrived, per command: counts in bins of ARRIVAL_BIN_MS of the real clock, for the last
 * ARRIVAL_KEEP_MS. A load run reads them (`POST /_emulator/arrivals {fromMs, toMs}`) to measure the
 * rate each stage of a scenario achieved at the server, independent of the generator's own record.
 * Counted when the request is read, before any answer (throttled, failed and refused calls too).
 */
export const ARRIVAL_BIN_MS = 10;
/** Ten minutes of bins per command; older bins are overwritten. */
export const ARRIVAL_KEEP_MS = 10 * 60_000;
const SLOTS = ARRIVAL_KEEP_MS / ARRIVAL_BIN_MS;

/** One command's ring of bins: `bin[i]` tells which absolute bin slot i currently counts. */
interface Ring {
  count: Uint32Array;
  bin: Float64Array;
}

export interface ArrivalWindow {
  binMs: number;
  /** Epoch ms of the first bin (a multiple of binMs). */
  fromMs: number;
  /** Per command, one count per bin from fromMs on (bins no longer kept count 0). */
  commands: Record<string, number[]>;
}

export class Arrivals {
  private rings = new Map<string, Ring>();

  reset(): void {
    this.rings.clear();
  }

  record(command: string, nowMs: number = Date.now()): void {
    let r = this.rings.get(command);
    if (!r) this.rings.set(command, (r = { count: new Uint32Array(SLOTS), bin: new Float64Array(SLOTS).fill(-1) }));
    const b = Math.floor(nowMs / ARRIVAL_BIN_MS);
    const i = b % SLOTS;
    if (r.bin[i] !== b) {
      r.bin[i] = b;
      r.count[i] = 0;
    }
    r.count[i] = (r.count[i] as number) + 1;
  }

  /** Counts of the bins that overlap [fromMs, toMs); the range is cut to the kept window. */
  window(fromMs: number, toMs: number, nowMs: number = Date.now()): ArrivalWindow {
    const first = Math.max(Math.floor(fromMs / ARRIVAL_BIN_MS), Math.floor((nowMs - ARRIVAL_KEEP_MS) / ARRIVAL_BIN_MS) + 1);
    const last = Math.min(Math.ceil(toMs / ARRIVAL_BIN_MS), Math.floor(nowMs / ARRIVAL_BIN_MS) + 1);
    const commands: Record<string, number[]> = {};
    for (const [cmd, r] of this.rings) {
      const out: number[] = [];
      for (let b = first; b < last; b++) out.push(r.bin[b % SLOTS] === b ? (r.count[b % SLOTS] as number) : 0);
      commands[cmd] = out;
    }
    return { binMs: ARRIVAL_BIN_MS, fromMs: first * ARRIVAL_BIN_MS, commands };
  }
}

/** Calls of `w` that arrived in [fromMs, toMs), per command (bins wholly inside, plus the part of each edge bin by time). */
export function arrivalsBetween(w: ArrivalWindow, fromMs: number, toMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cmd, counts] of Object.entries(w.commands)) {
    let n = 0;
    counts.forEach((c, k) => {
      const a = w.fromMs + k * w.binMs;
      const overlap = Math.max(0, Math.min(toMs, a + w.binMs) - Math.max(fromMs, a));
      n += (c * overlap) / w.binMs;
    });
    out[cmd] = Math.round(n * 100) / 100;
  }
  return out;
}
