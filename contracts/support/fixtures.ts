/**
 * Fixtures of the contract suites. Worker scope: `run` (settings, target config, expectations, ledger,
 * the run state written by the setup project, this worker's share of the rate budget, the account pool).
 * Test scope: `log` (auto: records, coverage annotations, failure attachments), `im` (signed client on
 * the target), `accounts` (fresh owner accounts), `emulator` (a private emulator, started on demand).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type TestInfo } from '@playwright/test';
import { RateBudget, loadTargetConfig, toCurl, type CallRecord, type TargetConfig } from '../../src/client/index.ts';
import { loadExpectations, type Expectations } from '../expectations.ts';
import { AccountPool } from './accounts.ts';
import { settleChoicesStrict } from './choice.ts';
import { CallLog, ContractClient } from './client.ts';
import { GATE, NOT_TRIGGERABLE } from './contract.ts';
import { resolveRunSettings, type RunSettings } from './env.ts';
import { applyBatchTarget, EVIDENCE_KILL, SELFCHECK_KILL, SETUP_PREFIX, TEARDOWN_PREFIX } from './batch.ts';
import { SCHEMA_VIOLATION } from './matchers.ts';
import { Ledger, type RunState } from './ledger.ts';
import type { PrivateEmulator } from './private-emulator.ts';

export interface RunContext {
  settings: RunSettings;
  config: TargetConfig;
  expectations: Expectations;
  ledger: Ledger;
  /** Written by the setup project; read on first use. */
  readonly state: RunState;
  budget: RateBudget;
  pool: AccountPool;
  parallelIndex: number;
  /** The secret key is known, so tests can sign their own (bad) UserSigs. */
  secretKey: string | undefined;
}

export interface Accounts {
  take(): Promise<string>;
}

export interface EmulatorHandle {
  /** Starts (once per test) a private emulator with the run's variant. Emulator target only. */
  start(): Promise<PrivateEmulator>;
}

type WorkerFixtures = { run: RunContext };
type TestFixtures = { log: CallLog; gate: void; im: ContractClient; accounts: Accounts; emulator: EmulatorHandle };

const SOLO_PROJECTS = new Set(['setup', 'teardown']);
/** The run's setup or teardown project (also of one entry of a batch run, support/batch.ts). */
const isSolo = (project: string): boolean => SOLO_PROJECTS.has(project) || project.startsWith(SETUP_PREFIX) || project.startsWith(TEARDOWN_PREFIX);
const isTeardown = (project: string): boolean => project === 'teardown' || project.startsWith(TEARDOWN_PREFIX);
/** Pool accounts the setup project imported for this parallelIndex (none beyond the workers it planned for). */
const preImported = (state: RunState, parallelIndex: number): number => (parallelIndex < state.workers ? state.poolSize : 0);
const ATTACH_LAST = 3;
/**
 * A focused batch entry (one mutant's seenBy tests) stops at its first failure, as a run of its own stops
 * at --max-failures=1: this file in the entry's report dir tells the workers after it to skip every test
 * but the re-runs of the failed one (Playwright runs them after the rest, in a fresh worker).
 */
const FAILED_MARK = 'failed';
let focusedEntry = false;
/** A failure that says nothing about the target (harness, configuration, throttled or unreachable). */
const unjudged = (t: TestInfo): boolean =>
  t.annotations.some((a) => a.type === 'harness-error' || a.type === 'config-error' || a.type === 'inconclusive') || t.errors.some((e) => /InconclusiveError/.test(e.message ?? ''));
/** The test recorded a response that breaks its documented schema (the failure is its own evidence). */
const brokeSchema = (t: TestInfo): boolean => t.errors.some((e) => (e.message ?? '').includes(SCHEMA_VIOLATION));
/** Lost answers (502, reset, timeout) the teardown sends again per call; tests use the client's default (5). */
const TEARDOWN_TRANSIENT_RETRIES = 8;

async function attachCalls(testInfo: TestInfo, records: CallRecord[]): Promise<void> {
  const picked = records.slice(-ATTACH_LAST);
  for (const [i, r] of picked.entries()) {
    const n = records.length - picked.length + i + 1;
    const prefix = `call ${n} ${r.command}`;
    await testInfo.attach(`${prefix} request`, { body: r.requestBody, contentType: 'application/json' });
    await testInfo.attach(`${prefix} response`, {
      body: r.responseBody ?? `(no response: ${r.error ?? 'unknown'})`,
      contentType: r.responseBody ? 'application/json' : 'text/plain',
    });
    await testInfo.attach(`${prefix} curl`, { body: `${toCurl(r)}\n`, contentType: 'text/plain' });
  }
}

function annotate(testInfo: TestInfo, log: CallLog): void {
  for (const o of log.observed) testInfo.annotations.push({ type: 'observed', description: o });
  testInfo.annotations.push({ type: 'calls', description: `target=${log.calls.target} private=${log.calls.private}` });
  if (log.throttled) testInfo.annotations.push({ type: 'throttled', description: `${log.throttled} throttle answer(s) retried` });
  if (log.transient) testInfo.annotations.push({ type: 'transient', description: `${log.transient} transient failure(s) (502/reset/timeout) retried` });
  if (log.appliedRetries) testInfo.annotations.push({ type: 'retried-applied', description: `${log.appliedRetries} write(s) retried after an applied write (lost answer; undone and sent again)` });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  run: [
    async ({}, use, workerInfo) => {
      // A batch run: this worker's project is one entry with a target of its own (first, before anything reads the environment).
      focusedEntry = applyBatchTarget(workerInfo.project)?.kind === 'focused';
      const settings = resolveRunSettings();
      await settleChoicesStrict();
      const config = loadTargetConfig(process.env);
      const ledger = new Ledger(settings.ledgerDir, settings.runId);
      const solo = isSolo(workerInfo.project.name);
      let state: RunState | undefined;
      let pool: AccountPool | undefined;
      const parallelIndex = workerInfo.parallelIndex;
      const ctx: RunContext = {
        settings,
        config,
        expectations: loadExpectations(),
        ledger,
        get state() {
          return (state ??= ledger.readState());
        },
        budget: new RateBudget(solo ? settings.budget : settings.perWorkerBudget),
        // Read on first use: in a focused batch entry the setup test runs in this very worker, first.
        get pool() {
          return (pool ??= new AccountPool(ledger, settings.runId, parallelIndex, solo ? 0 : preImported(ledger.readState(), parallelIndex)));
        },
        parallelIndex,
        secretKey: config.auth.kind === 'secret-key' ? config.auth.secretKey : undefined,
      };
      await use(ctx);
    },
    { scope: 'worker' },
  ],

  log: [
    async ({}, use, testInfo) => {
      const log = new CallLog();
      await use(log);
      annotate(testInfo, log);
      if (testInfo.status !== testInfo.expectedStatus && log.records.length > 0) await attachCalls(testInfo, log.records);
    },
    { auto: true },
  ],

  gate: [
    async ({ run }, use, testInfo) => {
      const ann = (type: string) => testInfo.annotations.find((a) => a.type === type)?.description;
      const skip = ann(GATE.skip);
      if (skip) testInfo.skip(true, NOT_TRIGGERABLE + skip);
      const emulatorOnly = ann(GATE.emulatorOnly);
      if (emulatorOnly && run.settings.kind !== 'emulator') testInfo.skip(true, `${NOT_TRIGGERABLE}${emulatorOnly} (emulator-only)`);
      if (ann(GATE.needsKey) && !run.secretKey) testInfo.skip(true, `${NOT_TRIGGERABLE}signing test UserSigs needs TCIM_SECRET_KEY (only a pre-made TCIM_USERSIG was given)`);
      const failedMark = join(run.settings.reportDir, FAILED_MARK);
      if (focusedEntry && testInfo.retry === 0 && existsSync(failedMark)) testInfo.skip(true, 'an earlier test of this batch entry failed: only its re-run follows');
      await use();
      if (focusedEntry && testInfo.status !== testInfo.expectedStatus && testInfo.status !== 'skipped') {
        if (testInfo.retry === 0) writeFileSync(failedMark, `${testInfo.titlePath.join(' › ')}\n`);
        const evidence = testInfo.retry === 0 && !unjudged(testInfo) && brokeSchema(testInfo);
        if (evidence || (testInfo.retry >= testInfo.project.retries && !unjudged(testInfo))) {
          // The kill: failed on every attempt against the mutant, or at once with a response that breaks its
          // schema (no re-run asked). Expected from here on, so Playwright neither re-runs it nor starts
          // another worker for the entry's remaining (skipped) tests.
          const description = evidence ? `${EVIDENCE_KILL} a response that breaks its documented schema (no re-run needed)` : `failed on all ${testInfo.retry + 1} attempt(s)`;
          testInfo.annotations.push({ type: SELFCHECK_KILL, description });
          testInfo.expectedStatus = testInfo.status ?? 'failed';
        }
      }
    },
    { auto: true },
  ],

  im: async ({ run, log }, use, testInfo) => {
    const teardown = isTeardown(testInfo.project.name);
    // The teardown's job is to leave nothing behind: it outlasts a longer run of lost answers than a test.
    const retries = teardown ? { transientRetries: TEARDOWN_TRANSIENT_RETRIES } : {};
    await use(new ContractClient(run.config, log, 'target', { strict: await settleChoicesStrict(), budget: run.budget, checkSchema: !teardown, ...retries }));
  },

  accounts: async ({ run, im }, use) => {
    await use({ take: () => run.pool.take(im) });
  },

  emulator: async ({ run, log }, use) => {
    let started: Promise<PrivateEmulator> | undefined;
    await use({
      start: () => {
        if (run.settings.kind !== 'emulator') throw new Error('a private emulator is only available on the emulator target');
        // Loaded on first use: most workers (every batch entry of the self-check) never start one.
        return (started ??= import('./private-emulator.ts').then((m) => m.startPrivateEmulator(log)));
      },
    });
    if (started) await (await started).stop();
  },
});

