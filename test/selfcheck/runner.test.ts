/** The self-check runner on synthetic child results: classification, orchestration, summary and JUnit. */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Exit } from '../../src/core/exit-codes.ts';
import { classifyBaseline, classifyVariant, confirmKill } from '../../app/selfcheck/classify.ts';
import { renderTable } from '../../app/selfcheck/format.ts';
import { BASELINE, BASELINE_LOAD, CATALOGUE_MODULE, childEnv, confirmGrep, confirmJob } from '../../app/selfcheck/jobs.ts';
import { failedChecksFromLoadSummary, failedTestsFromPlaywright, loadSummaryVariant, readContractFailures, readLoadFailures } from '../../app/selfcheck/results.ts';
import { runSelfcheck } from '../../app/selfcheck/run.ts';
import { readSelfcheckSummary, SelfcheckSummaryError } from '../../app/selfcheck/summary.ts';
import type { Job, JobResult } from '../../app/selfcheck/types.ts';
import { entry, playwrightReport, result } from './fakes.ts';

const T = 180_000;
const tmp = (): string => mkdtempSync(join(tmpdir(), 'tcim-selfcheck-'));

test('classifyVariant: exit 1 with a failed test is a kill; exit 0 survives; everything else is an error', () => {
  assert.deepEqual(classifyVariant(result({ exitCode: Exit.FAIL }, ['t1']), T).outcome, 'killed');
  assert.equal(classifyVariant(result({ exitCode: Exit.PASS }), T).outcome, 'survived');
  const errors: [JobResult, RegExp][] = [
    [result({ exitCode: Exit.FAIL }, [], 'no results.json'), /exit 1 but no failed test recorded \(no results.json\)/],
    [result({ exitCode: Exit.CONFIG, outputTail: 'x\ntcim-harness: unknown command "contracts"\n' }), /exit 2 .*unknown command "contracts"/],
    [result({ exitCode: Exit.INCONCLUSIVE }), /exit 3 \(inconclusive\)/],
    [result({ exitCode: null, timedOut: true, signal: 'SIGTERM' }, ['t1']), /timed out after 180\.0 s/],
    [result({ exitCode: null, signal: 'SIGKILL' }), /signal SIGKILL/],
    [result({ exitCode: null, outputTail: 'spawn ENOENT' }), /could not start: spawn ENOENT/],
    [result({ exitCode: 7 }), /unexpected exit 7/],
  ];
  for (const [r, detail] of errors) {
    const c = classifyVariant(r, T);
    assert.equal(c.outcome, 'error', JSON.stringify(r));
    assert.match(c.detail, detail);
  }
});

test('classifyBaseline: only exit 0 within the time passes', () => {
  assert.equal(classifyBaseline(result({ exitCode: 0 }), T).passed, true);
  const failed = classifyBaseline(result({ exitCode: 1 }, ['[emulator] a › b']), T);
  assert.equal(failed.passed, false);
  assert.match(failed.detail, /1 failed, e\.g\. \[emulator\] a › b/);
  assert.equal(classifyBaseline(result({ exitCode: 0, timedOut: true }), T).passed, false);
  assert.equal(classifyBaseline(result({ exitCode: 2 }), T).passed, false);
});

test('failed tests from a Playwright report: only real failures, as the contracts CLI counts them', () => {
  const report = playwrightReport([
    { title: 'passes', status: 'expected' },
    { title: 'fails', status: 'unexpected' },
    { title: 'skipped', status: 'skipped' },
    { title: 'inconclusive', status: 'unexpected', annotations: [{ type: 'inconclusive' }] },
    { title: 'harness', status: 'unexpected', annotations: [{ type: 'harness-error' }] },
    { title: 'interrupted', status: 'unexpected', resultStatus: 'interrupted' },
  ]);
  assert.deepEqual(failedTestsFromPlaywright(report), ['[emulator] specs/x.spec.ts › group › fails']);
  assert.deepEqual(failedTestsFromPlaywright(undefined), []);

  const dir = tmp();
  try {
    assert.equal(readContractFailures(dir).ok, false);
    writeFileSync(join(dir, 'results.json'), '{not json');
    const bad = readContractFailures(dir);
    assert.ok(!bad.ok && /not readable JSON/.test(bad.problem));
    writeFileSync(join(dir, 'results.json'), JSON.stringify(report));
    assert.deepEqual(readContractFailures(dir), { ok: true, failed: ['[emulator] specs/x.spec.ts › group › fails'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('failed checks from a load summary (found anywhere under the job dir)', () => {
  const summary = {
    kind: 'tcim-load-summary',
    checks: [
      { name: 'throttled_share', command: 'recentcontact/mark_contact', passed: false, observed: '0.00 %', expected: '33 % ± 5' },
      { name: 'all_calls_sent', command: 'recentcontact/mark_contact', passed: true, observed: 'x', expected: 'y' },
    ],
  };
  assert.deepEqual(failedChecksFromLoadSummary(summary), ['recentcontact/mark_contact throttled_share: observed 0.00 %, expected 33 % ± 5']);
  const dir = tmp();
  try {
    assert.equal(readLoadFailures(dir).ok, false);
    mkdirSync(join(dir, 'load', 'over'), { recursive: true });
    writeFileSync(join(dir, 'load', 'over', 'summary.json'), JSON.stringify(summary));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ kind: 'something-else' }));
    const r = readLoadFailures(dir);
    assert.ok(r.ok);
    assert.equal(r.failed.length, 1);
    assert.deepEqual(r.variants, [null]);
    assert.equal(loadSummaryVariant({ target: { variant: 'rate-limit-off' } }), 'rate-limit-off');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('child environment: the embedded emulator only, the variant from the catalogue module, no target secrets', () => {
  const base = { PATH: '/bin', TCIM_BASE_URL: 'https://example.invalid', TCIM_SECRET_KEY: 'k', TCIM_USERSIG: 's', TCIM_RUN_ID: 'abcd', TCIM_EXPECT_THROTTLE_CODE: '60018', TCIM_VEGETA: '/v', TCIM_EMULATOR_VARIANT: 'stale' };
  const env = childEnv(base, '/r/x', 2, 'group-limit-21');
  assert.deepEqual(env, { PATH: '/bin', TCIM_VEGETA: '/v', TCIM_REPORT_DIR: '/r/x', TCIM_WORKERS: '2', TCIM_EMULATOR_VARIANT: 'group-limit-21', TCIM_EMULATOR_VARIANT_MODULE: CATALOGUE_MODULE });
  const baseline = childEnv(base, '/r/b', 3, undefined);
  assert.equal(baseline.TCIM_EMULATOR_VARIANT, undefined);
  assert.equal(baseline.TCIM_BASE_URL, undefined);
});

interface Recorded {
  jobs: Job[];
  maxInFlight: number;
  /** Names in flight when each load job started. */
  loadCompany: string[][];
}

/** A fake executor: answers per job name, records order and concurrency. */
function fakeExecutor(answers: Record<string, JobResult>): { rec: Recorded; execute: (job: Job) => Promise<JobResult> } {
  const rec: Recorded = { jobs: [], maxInFlight: 0, loadCompany: [] };
  const inFlight = new Set<string>();
  return {
    rec,
    execute: async (job) => {
      rec.jobs.push(job);
      if (job.suite === 'load-over') rec.loadCompany.push([...inFlight]);
      inFlight.add(job.name);
      rec.maxInFlight = Math.max(rec.maxInFlight, inFlight.size);
      await new Promise((r) => setTimeout(r, 15));
      inFlight.delete(job.name);
      const a = answers[job.name];
      assert.ok(a, `no answer for ${job.name}`);
      return a;
    },
  };
}

test('runSelfcheck: baseline first, contract variants in parallel, load runs alone; summary, JUnit and table', async () => {
  const dir = tmp();
  try {
    const entries = [entry('k1'), entry('k2'), entry('s1'), entry('e1'), entry('l1', 'load-over'), entry('l2', 'load-over')];
    const { rec, execute } = fakeExecutor({
      [BASELINE]: result({ exitCode: 0, durationMs: 5000 }),
      [BASELINE_LOAD]: result({ exitCode: 0 }),
      k1: result({ exitCode: 1 }, ['[emulator] a › first', '[emulator] a › second']),
      'k1.confirm': result({ exitCode: 1, durationMs: 1000 }, ['[emulator] a › second']),
      k2: result({ exitCode: 1 }, ['[emulator] b']),
      'k2.confirm': result({ exitCode: 1 }, ['[emulator] b']),
      s1: result({ exitCode: 0 }),
      e1: result({ exitCode: null, timedOut: true }),
      l1: result({ exitCode: 1 }, ['mark throttled_share: observed 0 %']),
      l2: result({ exitCode: 0 }),
    });
    const lines: string[] = [];
    const { summary, files } = await runSelfcheck({ entries, parallel: 2, timeoutMs: T, reportsDir: dir, workers: 2, execute, log: (l) => lines.push(l) });

    assert.deepEqual(rec.jobs.map((j) => j.name).slice(0, 1), [BASELINE]);
    const k1confirm = rec.jobs.find((j) => j.name === 'k1.confirm');
    assert.deepEqual(k1confirm?.args.slice(-2), ['--grep', 'first|second']);
    assert.equal(k1confirm?.env.TCIM_EMULATOR_VARIANT, 'k1');
    assert.equal(k1confirm?.reportDir, join(dir, 'selfcheck', 'k1', 'confirm'));
    assert.ok(!rec.jobs.some((j) => j.name === 'l1.confirm'), 'load kills are not re-run');
    assert.deepEqual(rec.jobs.slice(-3).map((j) => j.name), [BASELINE_LOAD, 'l1', 'l2']);
    assert.equal(rec.maxInFlight, 2);
    assert.deepEqual(rec.loadCompany, [[], [], []], 'load runs must run alone');
    const k1 = rec.jobs.find((j) => j.name === 'k1');
    assert.ok(k1?.args.includes('--max-failures=1') && k1.args.includes('contracts'));
    assert.equal(k1?.env.TCIM_EMULATOR_VARIANT, 'k1');
    assert.equal(k1?.reportDir, join(dir, 'selfcheck', 'k1'));
    assert.ok(!rec.jobs[0]?.args.includes('--max-failures=1'), 'the baseline runs the whole suite');
    assert.deepEqual(rec.jobs.find((j) => j.name === 'l1')?.args.slice(1), ['load', '--profile', 'over', '--duration', '5s', '--report-dir', join(dir, 'selfcheck', 'l1')]);

    assert.equal(summary.gate, 'fail');
    assert.deepEqual(summary.counts, { variants: 6, killed: 3, survived: 2, error: 1 });
    assert.equal(summary.killRate, 0.5);
    assert.equal(summary.baseline.contracts.passed, true);
    assert.equal(summary.baseline.load?.passed, true);
    assert.deepEqual(summary.variants.map((v) => [v.name, v.killedBy, v.outcome]), [
      ['k1', 'contracts', 'killed'],
      ['k2', 'contracts', 'killed'],
      ['s1', 'contracts', 'survived'],
      ['e1', 'contracts', 'error'],
      ['l1', 'load-over', 'killed'],
      ['l2', 'load-over', 'survived'],
    ]);
    assert.deepEqual(summary.variants[0]?.failedTests, ['[emulator] a › first', '[emulator] a › second']);
    assert.deepEqual(summary.variants[0]?.confirmedBy, ['[emulator] a › second']);
    assert.equal(summary.variants[0]?.durationMs, 1234 + 1000);
    assert.match(summary.variants[0]?.detail ?? '', /reproduced on a re-run by \[emulator\] a › second/);

    assert.deepEqual(readSelfcheckSummary(dir), JSON.parse(readFileSync(files.summary, 'utf8')));
    const xml = readFileSync(files.junit, 'utf8');
    assert.match(xml, /<testsuites name="tcim-harness selfcheck" tests="8" failures="2" errors="1"/);
    assert.equal((xml.match(/<testcase /g) ?? []).length, 8);
    assert.match(xml, /<testcase classname="selfcheck.contracts" name="s1"[^>]*>\s*<failure message="survived: /);
    assert.match(xml, /<testcase classname="selfcheck.contracts" name="e1"[^>]*>\s*<error message="not judged: timed out/);
    assert.match(xml, /&lt;with&gt; &quot;markup&quot; &amp; more/);
    assert.doesNotMatch(xml, /<with>/);

    assert.ok(lines.some((l) => /^\[1\/8\] baseline \(contracts\) started — elapsed 0:00$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^\[\d\/8\] k1: killed in 1\.2s — 2 failed, first: \[emulator\] a › first — elapsed \d+:\d\d$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^ +k1: kill confirmed by a re-run in 1\.0s/.test(l)), lines.join('\n'));
    const table = renderTable(summary);
    assert.match(table, /Kill rate 3\/6 \(50\.0 %\), survived 2, error 1/);
    assert.match(table, /Gate: FAIL — 3 variant\(s\) not killed/);
    assert.match(table, /Survivors .*\n {2}s1: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('runSelfcheck: a failing baseline runs no variant and fails the gate', async () => {
  const dir = tmp();
  try {
    const { rec, execute } = fakeExecutor({ [BASELINE]: result({ exitCode: 1 }, ['[emulator] broken']) });
    const { summary } = await runSelfcheck({ entries: [entry('a'), entry('b', 'load-over')], parallel: 2, timeoutMs: T, reportsDir: dir, workers: 2, execute });
    assert.deepEqual(rec.jobs.map((j) => j.name), [BASELINE]);
    assert.equal(summary.gate, 'fail');
    assert.equal(summary.baseline.contracts.passed, false);
    assert.deepEqual(summary.baseline.contracts.failedTests, ['[emulator] broken']);
    assert.ok(summary.variants.every((v) => v.outcome === 'error' && /not run: the contract suite fails on the correct emulator/.test(v.detail)));
    assert.match(renderTable(summary), /Gate: FAIL — the contract suite fails on the correct emulator/);
    assert.match(readFileSync(join(dir, 'selfcheck', 'junit.xml'), 'utf8'), /<failure message="the contracts suite fails on the correct emulator/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('runSelfcheck: a failing load baseline leaves the load variants unjudged', async () => {
  const dir = tmp();
  try {
    const { rec, execute } = fakeExecutor({ [BASELINE]: result(), [BASELINE_LOAD]: result({ exitCode: 1 }), c: result({ exitCode: 1 }, ['t']) });
    const { summary } = await runSelfcheck({ entries: [entry('c'), entry('l', 'load-over')], parallel: 2, timeoutMs: T, reportsDir: dir, workers: 2, execute, confirm: false });
    assert.deepEqual(rec.jobs.map((j) => j.name), [BASELINE, 'c', BASELINE_LOAD]);
    assert.equal(summary.variants[1]?.outcome, 'error');
    assert.match(summary.variants[1]?.detail ?? '', /load profile over fails on the correct emulator/);
    assert.equal(summary.gate, 'fail');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('runSelfcheck: every variant killed and the baseline green → gate pass, kill rate 1; no load baseline without load variants', async () => {
  const dir = tmp();
  try {
    const { rec, execute } = fakeExecutor({
      [BASELINE]: result(),
      a: result({ exitCode: 1 }, ['t']),
      'a.confirm': result({ exitCode: 1 }, ['t']),
      b: result({ exitCode: 1 }, ['u']),
      'b.confirm': result({ exitCode: 1 }, ['u']),
    });
    const { summary } = await runSelfcheck({ entries: [entry('a'), entry('b')], parallel: 1, timeoutMs: T, reportsDir: dir, workers: 2, execute });
    assert.equal(rec.maxInFlight, 1);
    assert.equal(summary.gate, 'pass');
    assert.equal(summary.killRate, 1);
    assert.equal(summary.baseline.load, null);
    assert.match(readFileSync(join(dir, 'selfcheck', 'junit.xml'), 'utf8'), /failures="0" errors="0"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readSelfcheckSummary: undefined when absent, an error when not a summary', () => {
  const dir = tmp();
  try {
    assert.equal(readSelfcheckSummary(dir), undefined);
    mkdirSync(join(dir, 'selfcheck'));
    writeFileSync(join(dir, 'selfcheck', 'summary.json'), '{"kind":"other"}');
    assert.throws(() => readSelfcheckSummary(dir), SelfcheckSummaryError);
    writeFileSync(join(dir, 'selfcheck', 'summary.json'), '{');
    assert.throws(() => readSelfcheckSummary(dir), /not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('confirmation: a kill stands only if a failed test fails again on a re-run against the variant', () => {
  const first = result({ exitCode: 1 }, ['[emulator] f › t1', '[emulator] f › t2']);
  assert.equal(confirmKill(first, result({ exitCode: 1 }, ['[emulator] f › t2']), T).outcome, 'killed');
  const flaky = confirmKill(first, result({ exitCode: 0 }), T);
  assert.equal(flaky.outcome, 'error');
  assert.match(flaky.detail, /kill was not reproduced.*flaky/);
  const broken = confirmKill(first, result({ exitCode: 2 }), T);
  assert.equal(broken.outcome, 'error');
  assert.match(broken.detail, /could not confirm it: exit 2/);
  assert.equal(confirmKill(first, result({ exitCode: 1 }, []), T).outcome, 'error');
});

test('confirmation grep: own titles escaped, setup/teardown left out, at most 5; whole suite when none qualifies', () => {
  const g = confirmGrep(['[emulator] specs/a.spec.ts › d › create: 20 groups (x) → 51010', '[teardown] setup/run.teardown.ts › teardown: leak', '… and 3 more']);
  assert.equal(g, 'create: 20 groups \\(x\\) → 51010');
  assert.ok(new RegExp(g ?? '').test('create: 20 groups (x) → 51010 @create_contact_group'));
  assert.equal(confirmGrep(Array.from({ length: 9 }, (_, i) => `[emulator] f › t${i}`))?.split('|').length, 5);
  assert.equal(confirmGrep(['[teardown] t › leak']), undefined);
  const whole = confirmJob(entry('v'), ['[teardown] t › leak'], { selfcheckDir: '/r', workers: 2, baseEnv: {} });
  assert.ok(whole.args.includes('--max-failures=1') && !whole.args.includes('--grep'));
});

test('runSelfcheck: a kill that does not reproduce is an error, not a kill', async () => {
  const dir = tmp();
  try {
    const { execute } = fakeExecutor({ [BASELINE]: result(), f: result({ exitCode: 1 }, ['[emulator] x › timing']), 'f.confirm': result({ exitCode: 0 }) });
    const { summary } = await runSelfcheck({ entries: [entry('f')], parallel: 2, timeoutMs: T, reportsDir: dir, workers: 2, execute });
    assert.equal(summary.variants[0]?.outcome, 'error');
    assert.deepEqual(summary.variants[0]?.failedTests, ['[emulator] x › timing']);
    assert.deepEqual(summary.variants[0]?.confirmedBy, []);
    assert.equal(summary.killRate, 0);
    assert.equal(summary.gate, 'fail');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
