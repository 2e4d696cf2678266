/**
 * Exact accounting of churn consequences. Replaying every create/del answer in operation order
 * against a model of the churn slots tells, for each non-OK answer, whether it follows from an
 * earlier operation that did not take effect (a del answering CONTACT_GROUP_NOT_FOUND because its
 * paired create was throttled; a create answering the duplicate-name code because the previous del
 * of its slot was throttled) — a consequence — or is a contract error.
 */
import { ErrorCodes, isThrottleCode, lookupError } from '../../src/errors/index.ts';
import { limits } from '../../src/schema/index.ts';
import { CHURN_PREFIX, CHURN_SLOTS } from '../plan/user-pool.ts';
import type { Churn } from '../plan/churn.ts';

/** Code of an answer whose effect is unknown (transport error, non-200, unparseable). */
export const UNKNOWN = -1;
/**
 * Whether `code` is the answer to creating a name the user already has. The docs give no code: with
 * TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE set (`pinned`) only that code; unset, any documented refusal of
 * the request (error-table category client or limit), as the contract suite accepts another code with a drift
 * warning; a server error, an auth or edition answer stays a contract error.
 */
export function duplicateNameAnswer(code: number, pinned: number | undefined): boolean {
  if (pinned !== undefined) return code === pinned;
  const category = lookupError(code)?.category;
  return category === 'client' || category === 'limit';
}

/** `late-consequence`: the operation that did not take effect was throttled after a late start (a generator stall). */
export type Verdict = 'consequence' | 'late-consequence' | 'contract';

/** Struct-of-arrays log of churn answers (millions fit in a few MB). */
export class ChurnLog {
  length = 0;
  private idx = new Float64Array(1024);
  private ord = new Float64Array(1024);
  private kind = new Uint8Array(1024);
  private code = new Float64Array(1024);
  private late = new Uint8Array(1024);

  push(index: number, isDel: boolean, ordinal: number, code: number, late = false): number {
    if (this.length === this.idx.length) this.grow();
    const i = this.length++;
    this.idx[i] = index;
    this.ord[i] = ordinal;
    this.kind[i] = isDel ? 1 : 0;
    this.code[i] = code;
    this.late[i] = late ? 1 : 0;
    return i;
  }

  private grow(): void {
    const n = this.idx.length * 2;
    const g = <T extends Float64Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(n);
      b.set(a);
      return b;
    };
    this.idx = g(this.idx, Float64Array);
    this.ord = g(this.ord, Float64Array);
    this.kind = g(this.kind, Uint8Array);
    this.code = g(this.code, Float64Array);
    this.late = g(this.late, Uint8Array);
  }

  /** Replays the log in operation order; returns verdicts of the answers that are neither OK nor throttled. */
  judge(churn: Churn, pinnedDuplicateNameCode?: number): Map<number, Verdict> {
    const order = Array.from({ length: this.length }, (_, i) => i).sort((a, b) => (this.idx[a] as number) - (this.idx[b] as number));
    const slots = new Map<string, number>();
    const key = (user: number, name: string) => `${user}/${name}`;
    for (const s of churn.warmUp()) slots.set(key(s.user, s.name), 1);
    const userTotal = (user: number): number => {
      let n = 1; // the fixed group
      for (let s = 0; s < CHURN_SLOTS; s++) n += slots.get(key(user, `${CHURN_PREFIX}${s}`)) ?? 0;
      return n;
    };
    const out = new Map<number, Verdict>();
    /** Per slot: the last throttled operation on it started late (its missing effect is the generator's doing). */
    const missLate = new Map<string, boolean>();
    const consequence = (sk: string): Verdict => (missLate.get(sk) ? 'late-consequence' : 'consequence');
    for (const i of order) {
      const code = this.code[i] as number;
      const isDel = this.kind[i] === 1;
      const k = isDel ? churn.pairedCreate(this.ord[i] as number) : (this.ord[i] as number);
      const s = churn.slotOf(k);
      const sk = key(s.user, s.name);
      const count = slots.get(sk) ?? 0;
      if (code === UNKNOWN) slots.set(sk, Number.NaN);
      else if (isThrottleCode(code)) missLate.set(sk, this.late[i] === 1);
      else if (!isDel) {
        if (code === ErrorCodes.OK) slots.set(sk, Number.isNaN(count) ? 1 : count + 1);
        else if (duplicateNameAnswer(code, pinnedDuplicateNameCode) && !(count === 0) && code !== ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED) {
          out.set(i, consequence(sk));
          slots.set(sk, Math.max(1, count || 1));
        } else if (code === ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED && !(userTotal(s.user) < limits.maxGroupsPerUser)) out.set(i, 'consequence');
        else out.set(i, 'contract');
      } else if (code === ErrorCodes.OK) slots.set(sk, Number.isNaN(count) ? 0 : Math.max(0, count - 1));
      else if (code === ErrorCodes.CONTACT_GROUP_NOT_FOUND) {
        out.set(i, count === 0 || Number.isNaN(count) ? consequence(sk) : 'contract');
        slots.set(sk, 0);
      } else out.set(i, 'contract');
    }
    return out;
  }
}
