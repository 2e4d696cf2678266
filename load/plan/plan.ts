/**
 * One attack's plan: the schedule (which command at which index), the pool and churn, and the random
 * codec. `target(i)` builds operation i; `locate(url)` turns a result URL back into the operation.
 */
import { LOAD_COMMANDS, type LoadCommand } from './commands.ts';
import { Churn } from './churn.ts';
import { bodyFor } from './operations.ts';
import type { Pool } from './user-pool.ts';
import type { RandomCodec } from './random.ts';
import { Schedule, type Rates } from './schedule.ts';
import type { JourneyStep } from './scenario/journeys.ts';

export interface Operation {
  index: number;
  command: LoadCommand;
  ordinal: number;
  random: number;
  /** Scenarios: the stage the operation belongs to, and the journey step it is (absent: a mix call). */
  stage?: number;
  journey?: JourneyStep;
}

/**
 * What an attack needs of its plan: the built-in profiles' constant-rate Plan, or a scenario's
 * per-second plan (load/plan/scenario/plan.ts) whose spare slots are filler hits (`operation` undefined).
 */
export interface AttackPlan {
  /** `total`: vegeta's -rate, calls per second. */
  readonly schedule: { readonly total: number };
  readonly seconds: number;
  readonly count: number;
  readonly churn: Churn;
  readonly codec: RandomCodec;
  commands(): LoadCommand[];
  /** Target rate of a command (a scenario: its average over the run). */
  rate(command: LoadCommand): number;
  plannedCalls(command: LoadCommand): number;
  operation(i: number): Operation | undefined;
  body(op: Operation): Record<string, unknown>;
  locate(url: string): Operation | undefined;
  /** Scenarios: each stage's length and planned calls per command (stage statistics are kept for them). */
  stagePlanned?(): { seconds: number; planned: Rates }[];
  /** Scenarios: the stage of operation slot i (filler slots too). */
  stageOfIndex?(i: number): number | undefined;
  /** Scenarios: the group slot journey `no` acts on (its consequence model), e.g. `3/ld-j1`. */
  journeySlotKey?(no: number): string;
}

export interface PlanSpec {
  rates: Rates;
  /** Whole seconds. */
  seconds: number;
  pool: Pool;
  codec: RandomCodec;
  /** Index of the first operation (attacks of one run use disjoint index ranges, so randoms stay unique). */
  firstIndex?: number;
}

const RANDOM_RE = /[?&]random=([0-9]+)/;
const COMMAND_RE = /\/v4\/([a-z_]+\/[a-z_]+)\?/;

export class Plan implements AttackPlan {
  readonly schedule: Schedule;
  readonly churn: Churn;
  readonly seconds: number;
  readonly pool: Pool;
  readonly firstIndex: number;
  /** Operations of this attack (vegeta sends exactly total·seconds). */
  readonly count: number;

  constructor(private readonly spec: PlanSpec) {
    this.schedule = new Schedule(spec.rates);
    if (this.schedule.total === 0) throw new RangeError('nothing to run: every command has rate 0');
    const hasCreate = (spec.rates['recentcontact/create_contact_group'] ?? 0) > 0;
    const hasDel = (spec.rates['recentcontact/del_contact_group'] ?? 0) > 0;
    if (hasCreate !== hasDel) throw new RangeError('create_contact_group and del_contact_group are paired (del removes what create made): select both or neither');
    if (spec.rates['recentcontact/create_contact_group'] !== spec.rates['recentcontact/del_contact_group']) {
      throw new RangeError('create_contact_group and del_contact_group must run at the same rate (each del removes what a create made a lag earlier)');
    }
    this.churn = new Churn(spec.rates['recentcontact/create_contact_group'] ?? 0);
    if (this.churn.users > spec.pool.size) throw new RangeError(`churn needs ${this.churn.users} users, the pool has ${spec.pool.size}`);
    this.seconds = spec.seconds;
    this.pool = spec.pool;
    this.firstIndex = spec.firstIndex ?? 0;
    this.count = this.schedule.total * spec.seconds;
  }

  get codec(): RandomCodec {
    return this.spec.codec;
  }

  rate(command: LoadCommand): number {
    return this.schedule.rate(command);
  }

  plannedCalls(command: LoadCommand): number {
    return this.schedule.planned(command, this.seconds);
  }

  commands(): LoadCommand[] {
    return LOAD_COMMANDS.filter((c) => this.rate(c) > 0);
  }

  /** Operation number i of this attack (0-based). */
  operation(i: number): Operation {
    const { command, ordinal } = this.schedule.at(i);
    return { index: i, command, ordinal, random: this.spec.codec.encode(this.firstIndex + i) };
  }

  body(op: Operation): Record<string, unknown> {
    return bodyFor(op.command, op.ordinal, this.pool, this.churn);
  }

  /** The operation a result URL belongs to; undefined when the URL is not one of this attack's targets. */
  locate(url: string): Operation | undefined {
    const r = RANDOM_RE.exec(url);
    if (!r) return undefined;
    const global = this.spec.codec.decode(Number(r[1]));
    if (global === undefined) return undefined;
    const i = global - this.firstIndex;
    if (i < 0 || i >= this.count + this.schedule.total) return undefined;
    const op = this.operation(i);
    const path = COMMAND_RE.exec(url);
    return path && path[1] === op.command ? op : undefined;
  }
}
