/**
 * One run against one target: the set-up client, the run's user pool and random codec, the
 * attacks (each: churn warm-up, a pause for the limiter, vegeta, analysis) and the teardown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ImClient, RateBudget } from '../src/client/index.ts';
import { LEDGER_DIR, LedgerFile } from '../src/rundata/index.ts';
import type { AttackAnalysis } from './analyse/analyse.ts';
import { runAttack } from './generate/attack.ts';
import { reconcileChurn, setupPool, teardownPool, type LeakReport } from './setup/fixtures.ts';
import { Plan, type AttackPlan } from './plan/plan.ts';
import { IM_GROUPS_PER_SEGMENT, Pool } from './plan/user-pool.ts';
import { Progress } from './generate/progress.ts';
import { RandomCodec } from './plan/random.ts';
import type { ResolvedRun } from './run-options.ts';
import type { Rates } from './plan/schedule.ts';
import type { ResolvedTarget } from './generate/resolve-target.ts';
import { duplicateNameOption, TOLERANCES } from './plan/tolerances.ts';

/** Set-up/teardown calls per second over all commands: below the 200/s per-command ceiling. */
export const SETUP_RATE = 180;
const LIMITER_PAUSE_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Session {
  readonly client: ImClient;
  readonly pool: Pool;
  readonly codec: RandomCodec;
  readonly progress: Progress;
  private nextIndex = 0;
  private readonly workDir: string;
  /** The ownership ledger (reports/load/.ledger/<runId>.jsonl): written before set-up creates anything, for `tcim-harness clean`. */
  readonly ledger: LedgerFile;
  attacks = 0;
  generatorCpu: number | null = 0;
  emulatorCpu: number | null = 0;
  attackWall = 0;
  maxWorkers = 0;
  workers = 0;
  setUp = false;

  constructor(
    readonly run: ResolvedRun,
    readonly target: ResolvedTarget,
    log: (line: string) => void,
  ) {
    this.client = new ImClient(target.config, { budget: new RateBudget(SETUP_RATE), strict: target.kind === 'embedded-emulator' });
    this.pool = new Pool({ runId: run.runId, segmentIndex: run.segment.index - 1, segmentCount: run.segment.count, maxCreateRate: run.poolCreateRate });
    this.codec = new RandomCodec(run.segment.index - 1, run.segment.count);
    this.progress = new Progress(`${run.profile.name}${run.segment.count > 1 ? ` ${run.segment.index}/${run.segment.count}` : ''}`, log);
    this.workDir = mkdtempSync(join(tmpdir(), 'tcim-load-'));
    const base = run.segment.count > 1 ? dirname(dirname(run.reportDir)) : dirname(run.reportDir);
    this.ledger = new LedgerFile(join(base, LEDGER_DIR), run.runId);
  }

  async setup(): Promise<void> {
    this.progress.note(`set-up: ${this.pool.size} accounts ld-${this.run.runId}-u…, IM groups, fixed groups on ${this.target.kind}`);
    const staging = this.target.kind === 'remote';
    this.ledger.record(
      { kind: 'run', id: this.run.runId, side: 'load', target: staging ? 'staging' : 'emulator', ...(staging ? { sdkappid: this.target.config.sdkappid } : {}) },
      ...this.pool.users.map((id) => ({ kind: 'account' as const, id })),
      ...Array.from({ length: IM_GROUPS_PER_SEGMENT }, (_, k) => ({ kind: 'im-group' as const, id: this.pool.imGroupName(k) })),
    );
    await setupPool(this.client, this.pool);
    this.setUp = true;
  }

  windowMs(): number {
    return 1000 * Math.max(1, Math.ceil(this.run.seconds / 300));
  }

  async attack(rates: Rates, label: string): Promise<AttackAnalysis> {
    const plan = new Plan({ rates, seconds: this.run.seconds, pool: this.pool, codec: this.codec, firstIndex: this.nextIndex });
    return this.attackPlan(plan, `${label}: ${plan.schedule.total}/s for ${plan.seconds}s (${plan.commands().map((c) => `${c.split('/')[1]} ${plan.rate(c)}/s`).join(', ')})`);
  }

  /** The first operation index of the next attack (attacks of one run use disjoint index ranges). */
  get firstIndex(): number {
    return this.nextIndex;
  }

  /** One attack of any plan (a scenario's fills its spare slots with hits on the loopback sink `sinkUrl`). */
  async attackPlan(plan: AttackPlan, note: string, sinkUrl?: string): Promise<AttackAnalysis> {
    this.nextIndex += plan.count + plan.schedule.total;
    if (plan.churn.lag > 0) await reconcileChurn(this.client, this.pool, plan.churn);
    await sleep(LIMITER_PAUSE_MS);
    if (this.attacks === 0 && this.run.startAt !== undefined) await sleep(Math.max(0, this.run.startAt - Date.now()));
    this.progress.note(note);
    const out = await runAttack({
      plan,
      ...(sinkUrl ? { sinkUrl } : {}),
      target: this.target.signed,
      vegeta: this.run.vegeta,
      workDir: this.workDir,
      name: `attack-${this.attacks}`,
      timeoutMs: this.target.config.timeoutMs,
      analyse: { windowMs: this.windowMs(), lateLimitMs: TOLERANCES.lateStartMs, schemaEvery: TOLERANCES.schemaEvery, strictSchema: this.target.kind === 'embedded-emulator', ...duplicateNameOption(this.run.env) },
      ...(this.target.emulator ? { emulatorPid: this.target.emulator.pid } : {}),
      onProgress: (p) => this.progress.update(p.elapsedMs, p.calls, plan.seconds, plan.schedule.total),
      ...(this.run.signal ? { signal: this.run.signal } : {}),
    });
    this.attacks++;
    this.attackWall += out.wallSeconds;
    this.generatorCpu = out.generator && this.generatorCpu !== null ? this.generatorCpu + out.generator.cpuSeconds : null;
    this.emulatorCpu = out.emulator && this.emulatorCpu !== null ? this.emulatorCpu + out.emulator.cpuSeconds : null;
    this.maxWorkers = Math.max(this.maxWorkers, out.workers.maxWorkers);
    this.workers = Math.max(this.workers, out.workers.workers);
    return out.analysis;
  }

  /** Removes the run's data and checks that nothing is left; null plus the reason when it could not finish. */
  async teardown(): Promise<{ report: LeakReport | null; error?: string }> {
    rmSync(this.workDir, { recursive: true, force: true });
    try {
      if (!this.pool.touched) return { report: null, error: 'the target was not reached; nothing was created' };
      this.progress.note('teardown: removing run data, then leak check');
      const report = await teardownPool(this.client, this.pool);
      if (report.passed && this.target.kind === 'remote') this.ledger.markDone();
      return { report };
    } catch (e) {
      return { report: null, error: (e as Error).message };
    } finally {
      // An emulator the run started takes everything with it: its ledger is no use to `clean`.
      if (this.target.kind !== 'remote') this.ledger.remove();
    }
  }
}
