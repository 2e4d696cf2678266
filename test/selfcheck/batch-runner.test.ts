/** runSelfcheck in batch mode on synthetic batch and child results: who runs where, what counts, what falls back. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ContractTest } from '../../contracts/index.ts';
import type { BatchOutcome, BatchSpec } from '../../app/selfcheck/batch.ts';
import { runSelfcheck } from '../../app/selfcheck/run.ts';
import type { Job } from '../../app/selfcheck/types.ts';
import { benignEntry, child, entry, result, seenEntry } from './fakes.ts';
import type { BenignVariant, CatalogueVariant } from '../../src/emulator/variants/index.ts';

const pt = (projectName: string, title: string, status: ContractTest['status']): ContractTest => ({
  name: `[${projectName}] specs/x.spec.ts › ${title}`,
  title,
  file: 'specs/x.spec.ts',
  projectName,
  status,
  outcome: status === 'expected' ? 'passed' : status === 'skipped' ? 'skipped' : 'failed',
  annotations: [],
  attachments: [],
  durationMs: 50,
});

/** Per entry key: the statuses of its tests (focused: in emulator.<i>; suite: with setup/teardown). */
function fakeBatch(byKey: Record<string, ContractTest['status'][]>, seen: BatchSpec[], over: Partial<BatchOutcome> = {}): (b: BatchSpec) => Promise<BatchOutcome> {
  return async (b) => {
    seen.push(b);
    const tests = b.entries.flatMap((e, i) => {
      const own = (byKey[e.key] ?? []).map((s, n) => pt(`emulator.${i}`, `${e.key} test ${n}`, s));
      return e.kind === 'suite' ? [pt(`setup.${i}`, 'setup', 'expected'), ...own, pt(`teardown.${i}`, 'teardown', 'expected')] : own;
    });
    return { child: child({ exitCode: 1 }), tests, unconfirmed: new Set(), ...over };
  };
}

async function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-batch-runner-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('batch mode: seenBy mutants and benign suites run in two batches; a survivor of its seenBy tests and a mutant without seenBy get whole-suite runs', async () => {
  await withDir(async (dir) => {
    const batches: BatchSpec[] = [];
    const jobs: string[] = [];
    let loadNow = 0;
    let loadAtOnce = 0;
    const execute = async (job: Job) => {
      jobs.push(job.name);
      if (job.suite === 'load-over') {
        loadAtOnce = Math.max(loadAtOnce, ++loadNow);
        await new Promise((r) => setTimeout(r, 5));
        loadNow--;
      }
      if (job.name === 'baseline' || job.name === 'baseline-load' || job.name === 'benign.fine.load-over') return result({ exitCode: 0 });
      return result({ exitCode: 1 }, [`[emulator] specs/y.spec.ts › found by ${job.name}`]);
    };
    const entries = [seenEntry('killed-early', ['a']), seenEntry('missed', ['b']), seenEntry('flaky', ['c']), entry('no-seen-by'), entry('rate', 'load-over')];
    const benign = [benignEntry('fine', true), benignEntry('bad')];
    const { summary } = await runSelfcheck({
      entries,
      benign,
      parallel: 2,
      timeoutMs: 60_000,
      reportsDir: dir,
      workers: 2,
      batch: true,
      execute,
      executeBatch: fakeBatch({ 'killed-early': ['unexpected', 'skipped'], missed: ['expected'], flaky: ['flaky'], fine: ['expected', 'expected'], bad: ['expected', 'unexpected'] }, batches),
    });
    assert.deepEqual(batches.map((b) => [b.name, b.entries.map((e) => `${e.key}:${e.kind}`)]).sort(), [
      ['batch-benign', ['fine:suite', 'bad:suite']],
      ['batch-mutants', ['killed-early:focused', 'missed:focused', 'flaky:focused']],
    ]);
    assert.deepEqual(batches.find((b) => b.name === 'batch-mutants')?.entries.map((e) => e.retries), [1, 1, 1]);
    const byName = Object.fromEntries(summary.variants.map((v) => [v.name, v]));
    assert.equal(byName['killed-early']?.outcome, 'killed');
    assert.equal(byName['killed-early']?.scope, 'seen-by');
    assert.deepEqual(byName['killed-early']?.confirmedBy, ['[emulator] specs/x.spec.ts › killed-early test 0']);
    assert.equal(byName.flaky?.outcome, 'error');
    assert.match(byName.flaky?.detail ?? '', /not reproduced/);
    assert.equal(byName.missed?.outcome, 'killed');
    assert.equal(byName.missed?.seenByMissed, true);
    assert.equal(byName['no-seen-by']?.outcome, 'killed');
    assert.notEqual(byName['no-seen-by']?.seenByMissed, true);
    // Only the baseline, the whole-suite runs and their confirmations ran one at a time.
    assert.deepEqual([...jobs].sort(), ['baseline', 'baseline-load', 'benign.fine.load-over', 'missed.confirm', 'missed.full', 'no-seen-by', 'no-seen-by.confirm', 'rate']);
    // The load runs go on beside the batches, in order and one at a time; the batches run in the background.
    const loadJobs = ['baseline-load', 'rate', 'benign.fine.load-over'];
    assert.deepEqual(jobs.filter((j) => loadJobs.includes(j)), loadJobs);
    assert.equal(loadAtOnce, 1);
    assert.deepEqual(batches.map((b) => b.background), [true, true]);
    assert.equal(byName.rate?.outcome, 'killed');
    assert.deepEqual(summary.benign[0]?.runs.map((r) => [r.suite, r.outcome]), [['contracts', 'passed'], ['load-over', 'passed']]);
    assert.deepEqual(summary.benign.map((b) => [b.name, b.outcome]), [['fine', 'passed'], ['bad', 'failed']]);
    assert.deepEqual(summary.benign[1]?.runs[0]?.failedTests, ['[emulator] specs/x.spec.ts › bad test 1']);
    assert.equal(summary.gate, 'fail');
  });
});

/** One worker, batched: every whole-suite run passes, the batches answer through `executeBatch`. */
const runBatched = (dir: string, entries: CatalogueVariant[], benign: BenignVariant[], executeBatch: (b: BatchSpec) => Promise<BatchOutcome>) =>
  runSelfcheck({ entries, benign, parallel: 1, timeoutMs: 10_000, reportsDir: dir, workers: 1, batch: true, execute: async () => result({ exitCode: 0 }), executeBatch });

test('batch mode: a batch that timed out judges none of its entries (errors, never kills or passes)', async () => {
  await withDir(async (dir) => {
    const { summary } = await runBatched(dir, [seenEntry('m', ['a'])], [benignEntry('b')], fakeBatch({ m: ['unexpected'], b: ['expected'] }, [], { child: child({ exitCode: null, timedOut: true }) }));
    assert.equal(summary.variants[0]?.outcome, 'error');
    assert.match(summary.variants[0]?.detail ?? '', /timed out/);
    assert.equal(summary.benign[0]?.outcome, 'error');
    assert.equal(summary.gate, 'fail');
  });
});

test('batch mode: a pass against an emulator whose target.json does not name the variant is no evidence', async () => {
  await withDir(async (dir) => {
    const { summary } = await runBatched(dir, [], [benignEntry('b')], fakeBatch({ b: ['expected'] }, [], { unconfirmed: new Set(['b']) }));
    assert.equal(summary.benign[0]?.outcome, 'error');
    assert.match(summary.benign[0]?.detail ?? '', /does not name variant b/);
  });
});

test('batch mode: a benign suite whose server answers late starts first, with --workers workers; the others take one worker each', async () => {
  await withDir(async (dir) => {
    const batches: BatchSpec[] = [];
    const slow: BenignVariant = { ...benignEntry('slow'), config: { faults: [{ command: '*', kind: 'latency', probability: 1, latencyMs: 200 }] } };
    await runSelfcheck({ entries: [], benign: [benignEntry('quick'), slow], parallel: 2, timeoutMs: 10_000, reportsDir: dir, workers: 3, batch: true, execute: async () => result({ exitCode: 0 }), executeBatch: fakeBatch({ quick: ['expected'], slow: ['expected'] }, batches) });
    assert.deepEqual(batches[0]?.entries.map((e) => [e.key, e.workers]), [['slow', 3], ['quick', 1]]);
    assert.equal(batches[0]?.workers, 6);
  });
});
