/** Batch runs of the self-check: the plan, its Playwright projects, the worker's target, and the verdicts per entry. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../src/client/config.ts';
import { applyBatchTarget, batchProjects, BATCH_ENV, readBatchPlan, type BatchPlan } from '../../contracts/support/batch.ts';
import { EVIDENCE_KILL, SELFCHECK_KILL, type ContractTest } from '../../contracts/index.ts';
import { entryDurationMs, entryTests, judgeFocused, judgeSuite } from '../../app/selfcheck/batch-judge.ts';
import { batchProblem } from '../../app/selfcheck/batched.ts';
import { batchTimeoutMs } from '../../app/selfcheck/batch.ts';
import { child } from './fakes.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tcim-batch-'));
const files = { setup: /setup\/run\.setup\.ts$/, teardown: /setup\/run\.teardown\.ts$/, specs: /specs\/.*\.spec\.ts$/, setupGrep: 'run\\.setup\\.' };

function withPlan<T>(plan: unknown, fn: (env: Record<string, string | undefined>) => T): T {
  const dir = tmp();
  try {
    const file = join(dir, 'plan.json');
    writeFileSync(file, typeof plan === 'string' ? plan : JSON.stringify(plan));
    return fn({ [BATCH_ENV.PLAN]: file });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const plan: BatchPlan = {
  entries: [
    { key: 'non-admin-accepted', variant: 'non-admin-accepted', kind: 'focused', grep: ['non-admin'], retries: 1, workers: 1, reportDir: '/r/m' },
    { key: 'page-size-7', variant: 'page-size-7', kind: 'suite', workers: 2, reportDir: '/r/b' },
  ],
};

test('readBatchPlan: none without TCIM_BATCH; a bad plan is a ConfigError naming the field', () => {
  assert.equal(readBatchPlan({}), undefined);
  assert.throws(() => readBatchPlan({ [BATCH_ENV.PLAN]: '/nope/plan.json' }), (e: unknown) => e instanceof ConfigError && /TCIM_BATCH=.*does not exist/.test(e.message));
  withPlan('{x', (env) => assert.throws(() => readBatchPlan(env), (e: unknown) => e instanceof ConfigError && /not JSON/.test(e.message)));
  withPlan({ entries: [] }, (env) => assert.throws(() => readBatchPlan(env), /"entries" must be a non-empty list/));
  const bad = (over: object, re: RegExp): void => withPlan({ entries: [{ ...plan.entries[0], ...over }] }, (env) => assert.throws(() => readBatchPlan(env), re));
  bad({ key: 'a b' }, /entries\[0\]\.key/);
  bad({ kind: 'all' }, /entries\[0\]\.kind/);
  bad({ workers: 0 }, /entries\[0\]\.workers/);
  bad({ grep: [] }, /entries\[0\]\.grep/);
  withPlan({ entries: [plan.entries[0], plan.entries[0]] }, (env) => assert.throws(() => readBatchPlan(env), /entries\[1\]\.key must be a unique/));
  withPlan(plan, (env) => assert.deepEqual(readBatchPlan(env), plan));
});

test('batchProjects: a focused entry is one project (setup + its seenBy tests, one worker, re-runs); a suite entry is setup → tests → teardown', () => {
  const [focused, setup, tests, teardown, ...rest] = batchProjects(plan, files);
  assert.equal(rest.length, 0);
  assert.equal(focused?.name, 'emulator.0');
  assert.deepEqual({ retries: focused?.retries, workers: focused?.workers, fullyParallel: focused?.fullyParallel }, { retries: 1, workers: 1, fullyParallel: false });
  const grep = focused?.grep as RegExp;
  assert.ok(grep.test('setup/run.setup.ts setup: import the run accounts'));
  assert.ok(grep.test('auth-envelope.spec.ts create_contact_group: a valid usersig of a non-admin account'));
  assert.ok(!grep.test('create: 20 groups are accepted'));
  // Project names never carry the variant's name: Playwright's grep sees them too.
  assert.ok(batchProjects(plan, files).every((p) => !String(p.name).includes('non-admin')));
  assert.deepEqual([setup?.name, setup?.teardown, tests?.name, tests?.dependencies, tests?.workers, teardown?.name], ['setup.1', 'teardown.1', 'emulator.1', ['setup.1'], 2, 'teardown.1']);
  assert.ok(batchProjects(plan, files).every((p) => (p.metadata as { tcimBatch?: string }).tcimBatch !== undefined));
  // A one-worker suite entry: the setup test first in the tests' own worker, then the teardown (two start-ups, not three).
  const one = batchProjects({ entries: [{ ...(plan.entries[1] as BatchPlan['entries'][number]), workers: 1 }] }, files);
  assert.deepEqual(one.map((p) => [p.name, p.workers, p.fullyParallel, p.teardown, p.dependencies]), [['emulator.0', 1, false, 'teardown.0', undefined], ['teardown.0', undefined, undefined, undefined, undefined]]);
  assert.deepEqual(one[0]?.testMatch, [files.setup, files.specs]);
  withPlan({ entries: [{ ...plan.entries[0], grep: ['('] }] }, (env) => assert.throws(() => batchProjects(readBatchPlan(env) as BatchPlan, files), (e: unknown) => e instanceof ConfigError && /bad grep pattern/.test(e.message)));
});

test('applyBatchTarget: a worker of an entry points its process at that entry (target, variant, report dir, workers)', () => {
  withPlan({ ...plan, variantModule: '/m.ts' }, (env) => {
    env[BATCH_ENV.TARGETS] = JSON.stringify({ 'page-size-7': { url: 'http://127.0.0.1:9', sdkappid: 1400000001, admin: 'administrator', secretKey: 'k' } });
    env.TCIM_USERSIG = 'stale';
    assert.equal(applyBatchTarget({ metadata: {} }, env), undefined);
    const e = applyBatchTarget({ metadata: { tcimBatch: 'page-size-7' } }, env);
    assert.equal(e?.key, 'page-size-7');
    assert.deepEqual(
      [env.TCIM_BASE_URL, env.TCIM_SDKAPPID, env.TCIM_ADMIN, env.TCIM_SECRET_KEY, env.TCIM_USERSIG, env.TCIM_EMULATOR_VARIANT, env.TCIM_EMULATOR_VARIANT_MODULE, env.TCIM_REPORT_DIR, env.TCIM_WORKERS],
      ['http://127.0.0.1:9', '1400000001', 'administrator', 'k', undefined, 'page-size-7', '/m.ts', '/r/b', '2'],
    );
    assert.throws(() => applyBatchTarget({ metadata: { tcimBatch: 'non-admin-accepted' } }, env), (x: unknown) => x instanceof ConfigError && /no emulator was started/.test(x.message));
  });
});

const t = (projectName: string, title: string, status: ContractTest['status'], over: Partial<ContractTest> = {}): ContractTest => ({
  name: `[${projectName}] specs/x.spec.ts › ${title}`,
  title,
  file: over.file ?? 'specs/x.spec.ts',
  projectName,
  status,
  outcome: status === 'expected' ? 'passed' : status === 'skipped' ? 'skipped' : 'failed',
  annotations: [],
  attachments: [],
  durationMs: 100,
  ...over,
});

test('entryTests: the tests of one entry, named as in a run of its own', () => {
  const all = [t('emulator.0', 'setup: x', 'expected', { file: 'setup/run.setup.ts' }), t('emulator.0', 'a', 'unexpected'), t('emulator.1', 'a', 'expected'), t('setup.1', 's', 'expected'), t('teardown.1', 'd', 'expected')];
  assert.deepEqual(entryTests(all, 0).map((x) => [x.projectName, x.name]), [['setup', '[setup] specs/x.spec.ts › setup: x'], ['emulator', '[emulator] specs/x.spec.ts › a']]);
  assert.deepEqual(entryTests(all, 1).map((x) => x.projectName), ['emulator', 'setup', 'teardown']);
  assert.equal(entryDurationMs(entryTests(all, 1)), 300);
});

test('judgeFocused: a kill is a test failed on every attempt; failed then passed is not a kill; all passed sends it to the whole suite', () => {
  const killed = judgeFocused([t('setup', 's', 'expected'), t('emulator', 'a', 'unexpected'), t('emulator', 'b', 'skipped')], 1);
  assert.equal(killed.outcome, 'killed');
  assert.deepEqual(killed.confirmedBy, ['[emulator] specs/x.spec.ts › a']);
  assert.match(killed.detail, /reproduced on a re-run by \[emulator\]/);
  assert.deepEqual(judgeFocused([t('emulator', 'a', 'unexpected')], 0).confirmedBy, []);
  // The suite's gate marks a test failed on every attempt and lets the worker go on: Playwright then reports it expected.
  const marked = judgeFocused([t('emulator', 'a', 'expected', { annotations: [{ type: SELFCHECK_KILL, description: 'failed on all 2 attempt(s)' }] }), t('emulator', 'b', 'skipped')], 1);
  assert.equal(marked.outcome, 'killed');
  assert.deepEqual(marked.failedTests, ['[emulator] specs/x.spec.ts › a']);
  // A response that breaks its schema is its own evidence: killed on the first attempt, no re-run claimed.
  const evidence = judgeFocused([t('emulator', 'a', 'expected', { annotations: [{ type: SELFCHECK_KILL, description: `${EVIDENCE_KILL} a response that breaks its documented schema` }] }), t('emulator', 'b', 'skipped')], 1);
  assert.equal(evidence.outcome, 'killed');
  assert.deepEqual(evidence.confirmedBy, []);
  assert.match(evidence.detail, /breaks its documented schema \(the evidence: no re-run needed\)/);
  const flaky = judgeFocused([t('emulator', 'a', 'flaky')], 1);
  assert.equal(flaky.outcome, 'error');
  assert.match(flaky.detail, /not reproduced/);
  assert.equal(judgeFocused([t('emulator', 'a', 'unexpected', { outcome: 'harness' })], 1).outcome, 'error');
  assert.equal(judgeFocused([t('emulator', 'a', 'unexpected', { outcome: 'inconclusive' })], 1).outcome, 'error');
  assert.equal(judgeFocused([t('setup', 's', 'expected'), t('emulator', 'a', 'expected')], 1).outcome, 'survived');
  assert.match(judgeFocused([t('setup', 's', 'expected')], 1).detail, /no test matched its seenBy/);
});

test('judgeSuite: passed only when every test passed and the teardown ran; a failed test is a false failure', () => {
  const ok = [t('setup', 's', 'expected'), t('emulator', 'a', 'expected'), t('emulator', 'g', 'skipped'), t('teardown', 'd', 'expected')];
  assert.equal(judgeSuite(ok).outcome, 'passed');
  const failed = judgeSuite([...ok, t('emulator', 'b', 'unexpected')]);
  assert.equal(failed.outcome, 'failed');
  assert.deepEqual(failed.failedTests, ['[emulator] specs/x.spec.ts › b']);
  assert.equal(judgeSuite([...ok, t('emulator', 'c', 'unexpected', { outcome: 'interrupted' })]).outcome, 'error');
  assert.equal(judgeSuite(ok.slice(0, 3)).outcome, 'error');
  assert.equal(judgeSuite([]).outcome, 'error');
});

test('batchProblem: a timed-out, crashed or result-less batch judges no entry; exit 0 and 1 are results', () => {
  assert.equal(batchProblem({ child: child({ exitCode: 1 }), tests: [], unconfirmed: new Set() }, 1000), undefined);
  assert.match(batchProblem({ child: child({ exitCode: null, timedOut: true }), tests: [], unconfirmed: new Set() }, 60_000) ?? '', /timed out after 60 s/);
  assert.match(batchProblem({ child: child({ exitCode: 2, outputTail: 'bad plan' }), tests: [], unconfirmed: new Set() }, 1000) ?? '', /exit 2: bad plan/);
  assert.match(batchProblem({ child: child({ exitCode: 1 }), problem: 'no results.json', unconfirmed: new Set() }, 1000) ?? '', /left no results: no results.json/);
  assert.equal(batchTimeoutMs(5, 2, 1000), 3000);
  assert.equal(batchTimeoutMs(0, 2, 1000), 1000);
});
