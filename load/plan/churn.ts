/**
 * create/del churn: create number k makes group `ld-s<slot>` of a pooled user; del number k deletes
 * the group of create k − L (L = create rate × lag, about a second later). For k < L that is a
 * warm-up group made in setup (creates −L … −1). The slot of k depends only on k, so a user never
 * holds more than CHURN_SLOTS churn groups whatever the server answers, and a slot is reused only
 * after 2·L creates (one lag after its del).
 */
import { CHURN_LAG_SECONDS, CHURN_PREFIX, CHURN_SLOTS, usersFor } from './user-pool.ts';

export interface ChurnSlot {
  /** Index of the user in the pool. */
  user: number;
  slot: number;
  name: string;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

export class Churn {
  /** Lag in creates between a create and the del of its group. */
  readonly lag: number;
  /** Users that take part in the churn (the first ones of the pool). */
  readonly users: number;

  constructor(readonly createRate: number) {
    this.lag = createRate > 0 ? Math.max(1, createRate * CHURN_LAG_SECONDS) : 0;
    this.users = usersFor(createRate);
  }

  /** Slot of create number k (k may be negative: warm-up). */
  slotOf(k: number): ChurnSlot {
    const user = mod(k, this.users);
    const slot = mod(Math.floor(k / this.users), CHURN_SLOTS);
    return { user, slot, name: `${CHURN_PREFIX}${slot}` };
  }

  /** The create whose group del number k deletes. */
  pairedCreate(delOrdinal: number): number {
    return delOrdinal - this.lag;
  }

  /** Warm-up creates (−L … −1) done in setup, so the first L dels have a group to delete. */
  warmUp(): ChurnSlot[] {
    const out: ChurnSlot[] = [];
    for (let k = -this.lag; k < 0; k++) out.push(this.slotOf(k));
    return out;
  }

  static slotKey(user: number, name: string): string {
    return `${user}/${name}`;
  }
}
