/**
 * The order of operations inside one attack. Per-command rates are whole calls per second; the
 * schedule is one cycle of length T = sum(rates) repeated every second, built by smooth weighted
 * round-robin, so each command gets exactly its rate in every second and equal rates give a plain
 * round-robin (get, search, mark, update, create, del, get, …). Index → (command, ordinal) is O(1).
 */
import type { LoadCommand } from './commands.ts';
import { LOAD_COMMANDS } from './commands.ts';

export type Rates = Partial<Record<LoadCommand, number>>;

export interface Slot {
  command: LoadCommand;
  /** Ordinal of the operation among the operations of its command. */
  ordinal: number;
}

export class Schedule {
  readonly commands: LoadCommand[];
  /** Calls per second over all commands (vegeta's -rate). */
  readonly total: number;
  private readonly cmdAt: LoadCommand[] = [];
  private readonly rankAt: number[] = [];

  constructor(readonly rates: Rates) {
    this.commands = LOAD_COMMANDS.filter((c) => (rates[c] ?? 0) > 0);
    for (const c of this.commands) {
      const r = rates[c] as number;
      if (!Number.isInteger(r)) throw new RangeError(`rate of ${c} must be a whole number of calls per second, got ${r}`);
    }
    this.total = this.commands.reduce((s, c) => s + (rates[c] as number), 0);
    const current = new Map(this.commands.map((c) => [c, 0]));
    const seen = new Map(this.commands.map((c) => [c, 0]));
    for (let pos = 0; pos < this.total; pos++) {
      let best: LoadCommand | undefined;
      for (const c of this.commands) {
        const v = (current.get(c) as number) + (rates[c] as number);
        current.set(c, v);
        if (best === undefined || v > (current.get(best) as number)) best = c;
      }
      const b = best as LoadCommand;
      current.set(b, (current.get(b) as number) - this.total);
      this.cmdAt.push(b);
      const rank = seen.get(b) as number;
      this.rankAt.push(rank);
      seen.set(b, rank + 1);
    }
  }

  rate(command: LoadCommand): number {
    return this.rates[command] ?? 0;
  }

  /** Command and per-command ordinal of the operation at `index` (0-based, generation order). */
  at(index: number): Slot {
    const cycle = Math.floor(index / this.total);
    const pos = index - cycle * this.total;
    const command = this.cmdAt[pos] as LoadCommand;
    return { command, ordinal: cycle * this.rate(command) + (this.rankAt[pos] as number) };
  }

  /** Planned number of operations of one command for a run of `seconds` whole seconds. */
  planned(command: LoadCommand, seconds: number): number {
    return this.rate(command) * seconds;
  }
}

/** Share of a whole rate that segment `index` (0-based) of `count` runs; the shares add up exactly. */
export function segmentShare(rate: number, index: number, count: number): number {
  return Math.floor((rate * (index + 1)) / count) - Math.floor((rate * index) / count);
}

export function segmentRates(rates: Rates, index: number, count: number): Rates {
  const out: Rates = {};
  for (const c of LOAD_COMMANDS) if ((rates[c] ?? 0) > 0) out[c] = segmentShare(rates[c] as number, index, count);
  return out;
}

/** Integer apportionment of `total` by weights (largest remainder), so the parts add up exactly. */
export function apportion(total: number, weights: Rates): Rates {
  const cmds = LOAD_COMMANDS.filter((c) => (weights[c] ?? 0) > 0);
  const sum = cmds.reduce((s, c) => s + (weights[c] as number), 0);
  const exact = cmds.map((c) => ({ c, v: (total * (weights[c] as number)) / sum }));
  const out: Rates = {};
  let given = 0;
  for (const { c, v } of exact) {
    out[c] = Math.floor(v);
    given += Math.floor(v);
  }
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (let i = 0; given < total; i++, given++) {
    const c = (byRemainder[i % byRemainder.length] as { c: LoadCommand }).c;
    out[c] = (out[c] as number) + 1;
  }
  return out;
}
