/**
 * Body-level analysis of one attack's results, streamed line by line from `vegeta encode --to=json`:
 * per command and per window — calls, outcome by ErrorCode, throttled share, per-item ResultCode
 * failures, sampled schema violations, HTTP non-200s, transport errors, latency, and late starts
 * (each hit's start against its schedule: hit `seq` is due at baseline + seq/rate).
 */
import { validateResponse, formatIssues } from '../../src/schema/index.ts';
import type { LoadCommand } from '../plan/commands.ts';
import { classify } from './classify.ts';
import { ChurnLog, UNKNOWN, type Verdict } from './consequences.ts';
import type { AttackPlan, Operation } from '../plan/plan.ts';
import { fillerSlot, isFillerUrl } from '../plan/scenario/plan.ts';
import { JOURNEY_GROUP_STEPS, JourneyLog } from './journeys.ts';
import { parseResultLine, type VegetaResult } from './results.ts';
import { CommandStats, bump, type Outcome, type SeriesPoint } from './stats.ts';
import { lateLimitFor } from '../plan/tolerances.ts';

export interface AnalyseOptions {
  plan: AttackPlan;
  windowMs: number;
  /** Base late-start limit; each command's is lateLimitFor(its rate) with this as the floor. */
  lateLimitMs: number;
  /** Validate one response in this many per command (by ordinal); 0 = never. */
  schemaEvery: number;
  strictSchema: boolean;
  /** TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE, when set: the only answer a churn create may give for an existing name. */
  duplicateNameCode?: number;
}

export interface AttackAnalysis {
  stats: Map<LoadCommand, CommandStats>;
  /** Results whose URL is not a target of this attack (e.g. vegeta's "no targets" result). */
  unmatched: number;
  results: number;
  /** The earliest hit relative to its schedule (ms); lateness is measured from it. */
  baselineMs: number;
  /** Scenarios: statistics of each stage (the same calls as `stats`, cut by stage). */
  stages?: Map<LoadCommand, CommandStats>[];
  /** Scenarios: filler hits on the loopback sink (not calls of the run). */
  fillers?: number;
}

type Deferred = { command: LoadCommand; t: number; code: number; stage: number | undefined };

const BASELINE_SAMPLE = 2000;
const CHURN: ReadonlySet<LoadCommand> = new Set(['recentcontact/create_contact_group', 'recentcontact/del_contact_group']);

export class Analyser {
  readonly stats = new Map<LoadCommand, CommandStats>();
  private readonly intervalMs: number;
  private baseline: number | undefined;
  private pending: VegetaResult[] = [];
  private unmatched = 0;
  private results = 0;
  private readonly churn = new ChurnLog();
  private readonly deferred = new Map<number, Deferred>();
  private readonly journeys = new JourneyLog();
  private readonly journeyDeferred = new Map<number, Deferred>();
  private readonly stages: Map<LoadCommand, CommandStats>[] | undefined;
  private fillers = 0;
  /** Scenarios: first and last start (epoch ms) of any hit, filler too, in each stage's slots. */
  private readonly spans: { first: number; last: number }[] = [];

  constructor(private readonly o: AnalyseOptions) {
    this.intervalMs = 1000 / o.plan.schedule.total;
    const stats = (c: LoadCommand, rate: number, planned: number): CommandStats => {
      const s = new CommandStats(c, rate, o.windowMs);
      s.plannedCalls = planned;
      s.lateLimitMs = Math.max(o.lateLimitMs, lateLimitFor(rate));
      return s;
    };
    for (const c of o.plan.commands()) this.stats.set(c, stats(c, o.plan.rate(c), o.plan.plannedCalls(c)));
    this.stages = o.plan.stagePlanned?.().map((st) => new Map(o.plan.commands().map((c) => [c, stats(c, (st.planned[c] ?? 0) / st.seconds, st.planned[c] ?? 0)])));
  }

  /** Results read so far. */
  get count(): number {
    return this.results;
  }

  line(text: string): void {
    if (text.trim() === '') return;
    this.add(parseResultLine(text));
  }

  add(r: VegetaResult): void {
    this.results++;
    if (isFillerUrl(r.url)) {
      this.fillers++;
      const i = fillerSlot(r.url);
      if (i !== undefined) this.span(i, r.tsMs);
    }
    if (this.baseline !== undefined) return this.process(r);
    this.pending.push(r);
    if (this.pending.length >= BASELINE_SAMPLE) this.flushPending();
  }

  private flushPending(): void {
    this.baseline = Math.min(...this.pending.map((r) => r.tsMs - r.seq * this.intervalMs));
    const list = this.pending;
    this.pending = [];
    for (const r of list) this.process(r);
  }

  private process(r: VegetaResult): void {
    if (isFillerUrl(r.url)) return;
    const op = this.o.plan.locate(r.url);
    const s = op && this.stats.get(op.command);
    if (!op || !s) {
      this.unmatched++;
      return;
    }
    this.span(op.index, r.tsMs);
    // every call counts in the run's statistics and, in a scenario, in its stage's
    const ss = op.stage === undefined ? undefined : this.stages?.[op.stage]?.get(op.command);
    const both = ss ? [s, ss] : [s];
    const lateness = Math.max(0, r.tsMs - r.seq * this.intervalMs - (this.baseline as number));
    const c = classify(r.code, r.error, r.body, op.command);
    const points = both.map((x) => x.call(r.tsMs, c.kind === 'transport' ? undefined : r.latencyMs, lateness));
    const record = (o: Outcome, key: string | number): void => both.forEach((x, k) => x.outcome(points[k] as SeriesPoint, o, key));
    const p = points[0] as SeriesPoint;
    const journey = op.journey && JOURNEY_GROUP_STEPS.has(op.command) ? op.journey : undefined;
    const churn = CHURN.has(op.command) && !op.journey;
    const late = lateness > s.lateLimitMs;
    const log = (code: number): number =>
      journey ? this.journeys.push(op.index, this.o.plan.journeySlotKey?.(journey.no) ?? String(journey.no), op.command, code, late) : this.churn.push(op.index, op.command === 'recentcontact/del_contact_group', op.ordinal, code, late);
    if (c.kind === 'transport' || c.kind === 'http' || c.kind === 'unparseable') {
      if (churn || journey) log(UNKNOWN);
      if (c.kind === 'unparseable') record('contract', 'unparseable');
      else record(c.kind, c.key);
      return;
    }
    for (const x of both) {
      bump(x.codes, c.errorCode);
      for (const code of c.perItem) bump(x.perItemFailures, code);
    }
    if (this.o.schemaEvery > 0 && op.ordinal % this.o.schemaEvery === 0) this.checkSchema(both, op, c.body);
    if (churn || journey) {
      const i = log(c.errorCode);
      if (c.errorCode !== 0 && !c.throttle) {
        (journey ? this.journeyDeferred : this.deferred).set(i, { command: op.command, t: p.t, code: c.errorCode, stage: op.stage });
        return;
      }
    }
    if (c.errorCode === 0) record('ok', 0);
    else if (c.throttle) {
      record('throttled', c.errorCode);
      for (const x of both) {
        x.phase.throttle(r.tsMs);
        if (lateness > x.lateLimitMs) x.throttledLate++;
      }
    }
    else record('contract', c.errorCode);
  }

  private checkSchema(list: CommandStats[], op: Operation, body: unknown): void {
    const v = validateResponse(op.command, body, { strict: this.o.strictSchema });
    for (const s of list) {
      s.schema.sampled++;
      s.schema.unknownFields += v.unknownFields.length;
      if (!v.ok) {
        s.schema.violations++;
        if (s.schema.examples.length < 3) s.schema.examples.push(`op ${op.index}: ${formatIssues(v.errors)}`.slice(0, 300));
      }
    }
  }

  private span(i: number, ts: number): void {
    const st = this.o.plan.stageOfIndex?.(i);
    if (st === undefined) return;
    const s = (this.spans[st] ??= { first: ts, last: ts });
    s.first = Math.min(s.first, ts);
    s.last = Math.max(s.last, ts);
  }

  /** Settles the answers held back for the consequence replay (churn, journeys). */
  private settle(deferred: Map<number, Deferred>, verdicts: Map<number, Verdict>): void {
    for (const [i, d] of deferred) {
      const v = verdicts.get(i) ?? 'contract';
      const st = d.stage === undefined ? undefined : this.stages?.[d.stage]?.get(d.command);
      const run = this.stats.get(d.command) as CommandStats;
      for (const s of st ? [run, st] : [run]) {
        s.outcome(s.point(d.t), v === 'late-consequence' ? 'consequence' : v, d.code);
        if (v === 'late-consequence') s.consequencesLate++;
      }
    }
  }

  finish(): AttackAnalysis {
    if (this.baseline === undefined && this.pending.length > 0) this.flushPending();
    this.settle(this.deferred, this.churn.judge(this.o.plan.churn, this.o.duplicateNameCode));
    this.settle(this.journeyDeferred, this.journeys.judge(this.o.duplicateNameCode));
    for (const s of this.stats.values()) s.finish();
    // a stage's rate: its calls over the time vegeta took for the stage's slots (fillers keep them paced)
    this.stages?.forEach((m, st) => {
      const sp = this.spans[st];
      for (const s of m.values()) {
        s.finish();
        if (sp) s.achievedRate = s.calls / ((sp.last - sp.first) / 1000 + this.intervalMs / 1000);
      }
    });
    return {
      stats: this.stats,
      unmatched: this.unmatched,
      results: this.results - this.fillers,
      baselineMs: this.baseline ?? 0,
      ...(this.stages ? { stages: this.stages, fillers: this.fillers } : {}),
    };
  }
}

/** Analyses a stream of JSON lines (e.g. readline over `vegeta encode --to=json`). */
export async function analyseLines(lines: AsyncIterable<string>, o: AnalyseOptions): Promise<AttackAnalysis> {
  const a = new Analyser(o);
  for await (const line of lines) a.line(line);
  return a.finish();
}
