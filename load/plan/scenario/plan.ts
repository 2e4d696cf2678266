/**
 * A scenario as one attack. vegeta paces at R = the busiest second's total; second k of the run is
 * operations k·R … k·R + R − 1. Journey steps take the positions their journey keeps every second
 * (step i of the q-th journey at ≈ (q + (i + ½)/n) / J of the second, so a journey's steps are about
 * one second apart and in order); the mix's calls of that second spread evenly over the free
 * positions (smooth weighted round-robin over its commands, as in the built-in profiles); what is left
 * is filler — a hit on the harness's loopback sink (generate/sink.ts) that never reaches the target.
 * So each command gets exactly its planned calls in every second while vegeta keeps its constant pace.
 */
import { LOAD_COMMANDS, type LoadCommand } from '../commands.ts';
import { Churn } from '../churn.ts';
import { bodyFor } from '../operations.ts';
import type { AttackPlan, Operation } from '../plan.ts';
import type { RandomCodec } from '../random.ts';
import { Schedule, type Rates } from '../schedule.ts';
import type { Pool } from '../user-pool.ts';
import type { Scenario } from './define.ts';
import { journeyBody, journeySlot, type JourneyStep } from './journeys.ts';
import { buildTimeline, journeyActive, stagePlanned, type Timeline } from './timeline.ts';

/** Path of a filler hit on the loopback sink; results on it are no calls of the run. */
export const FILLER_PATH = '/_filler';
const FILLER_RE = /^https?:\/\/[^/]+\/_filler(?:\?slot=([0-9]+))?$/;
export const isFillerUrl = (url: string): boolean => FILLER_RE.test(url);
/** The operation slot a filler hit stood in for (undefined: not a filler URL or no slot). */
export const fillerSlot = (url: string): number | undefined => {
  const m = FILLER_RE.exec(url);
  return m?.[1] === undefined ? undefined : Number(m[1]);
};

const RANDOM_RE = /[?&]random=([0-9]+)/;
const COMMAND_RE = /\/v4\/([a-z_]+\/[a-z_]+)\?/;
const CACHED_SECONDS = 8;

type Slot = { command: LoadCommand; ordinal: number; journey?: JourneyStep };

export interface ScenarioPlanSpec {
  scenario: Scenario;
  pool: Pool;
  codec: RandomCodec;
  firstIndex?: number;
  timeline?: Timeline;
}

export class ScenarioPlan implements AttackPlan {
  readonly timeline: Timeline;
  readonly schedule: { readonly total: number };
  readonly seconds: number;
  readonly count: number;
  readonly churn: Churn;
  readonly firstIndex: number;
  private readonly planned: Rates = {};
  private readonly tables = new Map<number, (Slot | undefined)[]>();

  constructor(private readonly spec: ScenarioPlanSpec) {
    this.timeline = spec.timeline ?? buildTimeline(spec.scenario);
    this.schedule = { total: this.timeline.rate };
    this.seconds = this.timeline.seconds;
    this.count = this.timeline.rate * this.seconds;
    this.churn = new Churn(this.timeline.maxMixCreate);
    if (this.churn.users > spec.pool.size) throw new RangeError(`churn needs ${this.churn.users} users, the pool has ${spec.pool.size}`);
    this.firstIndex = spec.firstIndex ?? 0;
    for (const p of this.timeline.perCommand) for (const c of LOAD_COMMANDS) if (p[c]) this.planned[c] = (this.planned[c] ?? 0) + (p[c] as number);
  }

  get codec(): RandomCodec {
    return this.spec.codec;
  }

  get scenario(): Scenario {
    return this.spec.scenario;
  }

  commands(): LoadCommand[] {
    return LOAD_COMMANDS.filter((c) => (this.planned[c] ?? 0) > 0);
  }

  plannedCalls(command: LoadCommand): number {
    return this.planned[command] ?? 0;
  }

  rate(command: LoadCommand): number {
    return this.plannedCalls(command) / this.seconds;
  }

  stagePlanned(): { seconds: number; planned: Rates }[] {
    const planned = stagePlanned(this.spec.scenario, this.timeline);
    return this.spec.scenario.stages.map((st, i) => ({ seconds: st.seconds, planned: planned[i] as Rates }));
  }

  stageOfIndex(i: number): number | undefined {
    return i >= 0 && i < this.count ? this.timeline.stageOf[Math.floor(i / this.timeline.rate)] : undefined;
  }

  journeySlotKey(no: number): string {
    const s = journeySlot(this.spec.pool, no);
    return `${s.user}/${s.name}`;
  }

  journeySteps(type: number): readonly LoadCommand[] {
    return this.spec.scenario.journeys[type]?.steps ?? [];
  }

  /** Operation i (0-based), or undefined for a filler slot. */
  operation(i: number): Operation | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const k = Math.floor(i / this.timeline.rate);
    const slot = this.table(k)[i - k * this.timeline.rate];
    if (!slot) return undefined;
    return { index: i, command: slot.command, ordinal: slot.ordinal, random: this.spec.codec.encode(this.firstIndex + i), stage: this.timeline.stageOf[k] as number, ...(slot.journey ? { journey: slot.journey } : {}) };
  }

  body(op: Operation): Record<string, unknown> {
    if (op.journey) return journeyBody(this.journeySteps(op.journey.type), op.journey, this.spec.pool);
    return bodyFor(op.command, op.ordinal, this.spec.pool, this.churn);
  }

  locate(url: string): Operation | undefined {
    const r = RANDOM_RE.exec(url);
    if (!r) return undefined;
    const global = this.spec.codec.decode(Number(r[1]));
    if (global === undefined) return undefined;
    const op = this.operation(global - this.firstIndex);
    const path = COMMAND_RE.exec(url);
    return op && path && path[1] === op.command ? op : undefined;
  }

  /** Second k's slots (R positions; undefined = filler). */
  table(k: number): (Slot | undefined)[] {
    const hit = this.tables.get(k);
    if (hit) return hit;
    const t = buildSecond(this.spec.scenario, this.timeline, k);
    if (this.tables.size >= CACHED_SECONDS) this.tables.delete(this.tables.keys().next().value as number);
    this.tables.set(k, t);
    return t;
  }
}

/** Positions of second k: journey steps where their journeys keep them, the mix spread over the rest. */
export function buildSecond(sc: Scenario, tl: Timeline, k: number): (Slot | undefined)[] {
  const R = tl.rate;
  const out: (Slot | undefined)[] = new Array(R).fill(undefined);
  const wanted: { at: number; slot: Slot }[] = [];
  sc.journeys.forEach((j, t) => {
    const n = j.steps.length;
    for (let i = 0; i < n; i++) {
      if (!journeyActive(k, i, n, tl.seconds)) continue;
      for (let q = 0; q < j.rate; q++) {
        const no = (k - i) * tl.journeysPerSecond + (tl.journeyOffset[t] as number) + q;
        wanted.push({ at: Math.floor((R * (q + (i + 0.5) / n)) / j.rate), slot: { command: j.steps[i] as LoadCommand, ordinal: no, journey: { type: t, no, step: i } } });
      }
    }
  });
  // distinct positions, each as close to its wish as the others allow (in wish order: order kept)
  wanted.sort((a, b) => a.at - b.at);
  const pos = wanted.map((w) => w.at);
  for (let x = 1; x < pos.length; x++) pos[x] = Math.max(pos[x] as number, (pos[x - 1] as number) + 1);
  for (let x = pos.length - 1; x >= 0; x--) pos[x] = Math.min(pos[x] as number, x === pos.length - 1 ? R - 1 : (pos[x + 1] as number) - 1);
  wanted.forEach((w, x) => (out[pos[x] as number] = w.slot));
  const mix = tl.mix[k] as Rates;
  const total = LOAD_COMMANDS.reduce((n, c) => n + (mix[c] ?? 0), 0);
  if (total > 0) {
    const free: number[] = [];
    for (let p = 0; p < R; p++) if (!out[p]) free.push(p);
    const sched = new Schedule(mix);
    const before = tl.mixBefore[k] as Rates;
    for (let r = 0; r < total; r++) {
      const s = sched.at(r);
      out[free[Math.floor((r * free.length) / total)] as number] = { command: s.command, ordinal: (before[s.command] ?? 0) + s.ordinal };
    }
  }
  return out;
}
