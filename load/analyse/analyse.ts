/**
 * Body-level analysis of one attack's results, streamed line by line from `vegeta encode --to=json`:
 * per command and per window — calls, outcome by ErrorCode, throttled share, per-item ResultCode
 * failures, sampled schema violations, HTTP non-200s, transport errors, latency, and late starts
 * (each hit's start against its schedule: hit `seq` is due at baseline + seq/rate).
 */
import { validateResponse, formatIssues } from '../../src/schema/index.ts';
import type { LoadCommand } from '../plan/commands.ts';
import { classify } from './classify.ts';
import { ChurnLog, UNKNOWN } from './consequences.ts';
import type { Operation, Plan } from '../plan/plan.ts';
import { parseResultLine, type VegetaResult } from './results.ts';
import { CommandStats, bump } from './stats.ts';
import { lateLimitFor } from '../plan/tolerances.ts';

export interface AnalyseOptions {
  plan: Plan;
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
}

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
  private readonly deferred = new Map<number, { command: LoadCommand; t: number; code: number }>();

  constructor(private readonly o: AnalyseOptions) {
    this.intervalMs = 1000 / o.plan.schedule.total;
    for (const c of o.plan.commands()) {
      const s = new CommandStats(c, o.plan.rate(c), o.windowMs);
      s.plannedCalls = o.plan.rate(c) * o.plan.seconds;
      s.lateLimitMs = Math.max(o.lateLimitMs, lateLimitFor(o.plan.rate(c)));
      this.stats.set(c, s);
    }
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
    const op = this.o.plan.locate(r.url);
    const s = op && this.stats.get(op.command);
    if (!op || !s) {
      this.unmatched++;
      return;
    }
    const lateness = Math.max(0, r.tsMs - r.seq * this.intervalMs - (this.baseline as number));
    const c = classify(r.code, r.error, r.body, op.command);
    const p = s.call(r.tsMs, c.kind === 'transport' ? undefined : r.latencyMs, lateness);
    const churn = CHURN.has(op.command);
    const late = lateness > s.lateLimitMs;
    const log = (code: number): number => this.churn.push(op.index, op.command === 'recentcontact/del_contact_group', op.ordinal, code, late);
    if (c.kind === 'transport' || c.kind === 'http' || c.kind === 'unparseable') {
      if (churn) log(UNKNOWN);
      if (c.kind === 'unparseable') s.outcome(p, 'contract', 'unparseable');
      else s.outcome(p, c.kind, c.key);
      return;
    }
    bump(s.codes, c.errorCode);
    for (const code of c.perItem) bump(s.perItemFailures, code);
    if (this.o.schemaEvery > 0 && op.ordinal % this.o.schemaEvery === 0) this.checkSchema(s, op, c.body);
    if (churn) {
      const i = log(c.errorCode);
      if (c.errorCode !== 0 && !c.throttle) {
        this.deferred.set(i, { command: op.command, t: p.t, code: c.errorCode });
        return;
      }
    }
    if (c.errorCode === 0) s.outcome(p, 'ok', 0);
    else if (c.throttle) {
      s.outcome(p, 'throttled', c.errorCode);
      if (late) s.throttledLate++;
    }
    else s.outcome(p, 'contract', c.errorCode);
  }

  private checkSchema(s: CommandStats, op: Operation, body: unknown): void {
    const v = validateResponse(op.command, body, { strict: this.o.strictSchema });
    s.schema.sampled++;
    s.schema.unknownFields += v.unknownFields.length;
    if (!v.ok) {
      s.schema.violations++;
      if (s.schema.examples.length < 3) s.schema.examples.push(`op ${op.index}: ${formatIssues(v.errors)}`.slice(0, 300));
    }
  }

  finish(): AttackAnalysis {
    if (this.baseline === undefined && this.pending.length > 0) this.flushPending();
    const verdicts = this.churn.judge(this.o.plan.churn, this.o.duplicateNameCode);
    for (const [i, d] of this.deferred) {
      const s = this.stats.get(d.command) as CommandStats;
      const v = verdicts.get(i) ?? 'contract';
      s.outcome(s.point(d.t), v === 'late-consequence' ? 'consequence' : v, d.code);
      if (v === 'late-consequence') s.consequencesLate++;
    }
    for (const s of this.stats.values()) s.finish();
    return { stats: this.stats, unmatched: this.unmatched, results: this.results, baselineMs: this.baseline ?? 0 };
  }
}

/** Analyses a stream of JSON lines (e.g. readline over `vegeta encode --to=json`). */
export async function analyseLines(lines: AsyncIterable<string>, o: AnalyseOptions): Promise<AttackAnalysis> {
  const a = new Analyser(o);
  for await (const line of lines) a.line(line);
  return a.finish();
}
