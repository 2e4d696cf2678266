/**
 * Run-scoped data layout: accounts `ld-<runId>-u<i>`, two IM groups per segment (G2C conversations),
 * one fixed conversation group per user (`ld-fix`, the target of update) and the churn slots of
 * create/del. Segments own disjoint user slices, so N processes never touch each other's data.
 */
import { randomBytes } from 'node:crypto';
import type { ContactItem } from '../../src/generated/types.ts';
import { rules } from '../../src/rules/index.ts';
import { LoadConfigError } from './commands.ts';

/** Churn slots (conversation groups `ld-s<k>`) per user; with `ld-fix` a user holds CHURN_SLOTS + 1 groups, well under the rule's cap. */
export const CHURN_SLOTS = 10;
// a user must never reach the group cap: a refused create would be a contract error of the load run
if (CHURN_SLOTS + 1 > rules.maxGroupsPerUser.limit) throw new Error(`CHURN_SLOTS + ld-fix exceed maxGroupsPerUser (${rules.maxGroupsPerUser.limit})`);
/** A del follows its paired create this many seconds later. */
export const CHURN_LAG_SECONDS = 1;
export const FIXED_GROUP = 'ld-fix';
export const CHURN_PREFIX = 'ld-s';
export const IM_GROUPS_PER_SEGMENT = 2;
const MIN_USERS = 4;

/** A conversation as requests name it (the generated type). */
export type Contact = ContactItem;

export interface PoolSpec {
  runId: string;
  segmentIndex: number;
  segmentCount: number;
  /** Largest create rate (calls/s) any attack of this segment will use; sizes the churn pool. */
  maxCreateRate: number;
}

export const newRunId = (): string => randomBytes(5).toString('hex').slice(0, 8);

export function checkRunId(id: string): string {
  if (!/^[a-z0-9]{1,12}$/.test(id)) throw new LoadConfigError(`--run-id "${id}" must be 1 to 12 characters a-z and 0-9`);
  return id;
}

/** Users a churn of `createRate`/s needs: slot reuse at least 2 lags after the create. */
export function usersFor(createRate: number): number {
  const lag = Math.max(1, createRate * CHURN_LAG_SECONDS);
  return Math.max(MIN_USERS, Math.ceil((2 * lag) / CHURN_SLOTS));
}

export class Pool {
  readonly users: string[];
  /** Filled by setup: the IM group ids of this segment. */
  imGroupIds: string[] = [];
  /** Set once set-up has written anything to the target (teardown is then due). */
  touched = false;

  constructor(readonly spec: PoolSpec) {
    const stride = usersFor(spec.maxCreateRate);
    const first = spec.segmentIndex * stride;
    this.users = Array.from({ length: stride }, (_, j) => `ld-${spec.runId}-u${first + j}`);
  }

  get size(): number {
    return this.users.length;
  }

  user(i: number): string {
    return this.users[((i % this.size) + this.size) % this.size] as string;
  }

  imGroupName(k: number): string {
    return `ld-${this.spec.runId}-s${this.spec.segmentIndex}g${k}`;
  }

  /** The four conversations of user i: two C2C peers from the pool, the segment's two IM groups. */
  contacts(i: number): Contact[] {
    const out: Contact[] = [
      { Type: 1, To_Account: this.user(i + 1) },
      { Type: 1, To_Account: this.user(i + 2) },
    ];
    for (const g of this.imGroupIds) out.push({ Type: 2, ToGroupId: g });
    return out;
  }

  contact(i: number, k: number): Contact {
    const list = this.contacts(i);
    return list[((k % list.length) + list.length) % list.length] as Contact;
  }
}
