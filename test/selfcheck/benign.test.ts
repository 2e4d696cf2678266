/**
 * The self-check's second figure and its speed-ups, on synthetic child results: benign variants (servers
 * that differ only where the docs allow) must all pass — a failure is a false failure and fails the gate
 * — and a mutant first meets only the tests of its `seenBy`, the whole suite when they miss it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { benignResult, benignSuites, classifyBenignRun } from '../../app/selfcheck/benign.ts';
import { renderTable } from '../../app/selfcheck/format.ts';
import { BASELINE, BASELINE_LOAD, benignJob, focusedJob, seenByGrep } from '../../app/selfcheck/jobs.ts';
import { contractTargetVariant } from '../../app/selfcheck/results.ts';
import { runSelfcheck } from '../../app/selfcheck/run.ts';
import { buildSummary, readSelfcheckSummary, writeSelfcheckReports } from '../../app/selfcheck/summary.ts';
import type { BaselineResult, Job, JobResult } from '../../app/selfcheck/types.ts';
import { falseFailureShare } from '../../app/report/inputs.ts';
import { selfcheckSection } from '../../app/report/html/selfcheck.ts';
import { Exit } from '../../src/core/exit-codes.ts';
import { benignEntry, entry, result, seenEntry } from './fakes.ts';

const T = 180_000;
const tmp = (): string => mkdtempSync(join(tmpdir(), 'tcim-selfcheck-benign-'));
const settings = { selfcheckDir: '/r/selfcheck', workers: 2, baseEnv: { PATH: '/bin', TCIM_EMULATOR_VARIANT_MODULE: '/stale.ts' } };

/** A fake executor: answers per job name (a missing answer fails the test), records the jobs and concurrency. */
function fakeExecutor(answers: Record<string, JobResult>): { jobs: Job[]; maxInFlight: () => number; loadCompany: string[][]; execute: (job: Job) => Promise<JobResult> } {
  const jobs: Job[] = [];
  const loadCompany: string[][] = [];
  const inFlight = new Set<string>();
  let max = 0;
  return {
    jobs,
    loadCompany,
    maxInFlight: () => max,
    execute: async (job) => {
      jobs.push(job);
      if (job.suite === 'load-over') loadCompany.push([...inFlight]);
      inFlight.add(job.name);
      max = Math.max(max, inFlight.size);
      await new Promise((r) => setTimeout(r, 10));
      inFlight.delete(job.name);
      const a = answers[job.name];
      assert.ok(a, `no answer for ${job.name}`);
      return a;
    },
  };
}

test('benign suites: the whole contract suite always; the load profile over too when the variant changes the limiter or the throttle', () => {
  assert.deepEqual(benignSuites(benignEntry('p')), ['contracts']);
  assert.deepEqual(benignSuites(benignEntry('l', true)), ['contracts', 'load-over']);
  assert.deepEqual(benignSuites({ config: { throttle: { code: 60018 } } }), ['contracts', 'load-over']);
});

test('benign jobs: the whole suite, never stopped early, the variant found by the built-in lookup', () => {
  const c = benignJob(benignEntry('b'), 'contracts', settings);
  assert.equal(c.name, 'benign.b');
  assert.equal(c.reportDir, '/r/selfcheck/benign/b/contracts');
  assert.deepEqual(c.args.slice(1), ['contracts', '--report-dir', '/r/selfcheck/benign/b/contracts']);
  assert.ok(!c.args.includes('--max-failures=1') && !c.args.includes('--grep'));
  assert.equal(c.env.TCIM_EMULATOR_VARIANT, 'b');
  assert.equal(c.env.TCIM_EMULATOR_VARIANT_MODULE, undefined, 'the stale module of the parent must not leak, and the mutant catalogue does not hold benign variants');
  const l = benignJob(benignEntry('b', true), 'load-over', settings);
  assert.equal(l.name, 'benign.b.load-over');
  assert.deepEqual(l.args.slice(1), ['load', '--profile', 'over', '--duration', '5s', '--report-dir', '/r/selfcheck/benign/b/load-over']);
});

test('benign classification: exit 0 passes, exit 1 with a failed test is a false failure, anything else is an error', () => {
  const job = benignJob(benignEntry('b'), 'contracts', settings);
  assert.equal(classifyBenignRun(job, result({ exitCode: Exit.PASS }), T).outcome, 'passed');
  const ff = classifyBenignRun(job, result({ exitCode: Exit.FAIL }, ['[emulator] a › b']), T);
  assert.equal(ff.outcome, 'failed');
  assert.deepEqual(ff.failedTests, ['[emulator] a › b']);
  assert.equal(classifyBenignRun(job, result({ exitCode: Exit.FAIL }, [], 'no results.json'), T).outcome, 'error');
  assert.equal(classifyBenignRun(job, result({ exitCode: Exit.INCONCLUSIVE }), T).outcome, 'error');
  assert.equal(classifyBenignRun(job, result({ exitCode: null, timedOut: true }, ['x']), T).outcome, 'error');
  const unapplied = classifyBenignRun(job, { ...result(), variantUnconfirmed: true, note: 'the contracts target.json does not name variant b' }, T);
  assert.equal(unapplied.outcome, 'error', 'a pass that may not have met the variant is not a pass');
  assert.match(unapplied.detail, /does not name variant b/);
  // A variant: failed beats error beats passed.
  const pass = classifyBenignRun(job, result(), T);
  const err = classifyBenignRun(job, result({ exitCode: 2 }), T);
  assert.equal(benignResult(benignEntry('b'), [pass, pass]).outcome, 'passed');
  assert.equal(benignResult(benignEntry('b'), [pass, err]).outcome, 'error');
  assert.equal(benignResult(benignEntry('b'), [err, ff]).outcome, 'failed');
  assert.equal(benignResult(benignEntry('b'), []).outcome, 'error', 'a variant that ran nothing did not pass');
});

const baseline = (passed = true): BaselineResult => ({ suite: 'contracts', passed, exitCode: passed ? 0 : 1, failedTests: [], durationMs: 1, detail: '', reportDir: '/r' });
const summaryOf = (benign: ReturnType<typeof benignResult>[], killed = true) =>
  buildSummary({
    startedAt: new Date(0),
    finishedAt: new Date(61_000),
    parallel: 2,
    timeoutMs: T,
    baseline: { contracts: baseline(), load: null },
    variants: [{ name: 'm', description: 'd', killedBy: 'contracts', outcome: killed ? 'killed' : 'survived', failedTests: [], confirmedBy: [], durationMs: 1, exitCode: 1, detail: '', reportDir: '/r' }],
    benign,
  });

test('the gate holds on both figures: every mutant killed AND no benign variant failing', () => {
  const job = benignJob(benignEntry('b'), 'contracts', settings);
  const passed = benignResult(benignEntry('p'), [classifyBenignRun(job, result(), T)]);
  const failed = benignResult(benignEntry('f'), [classifyBenignRun(job, result({ exitCode: 1 }, ['[emulator] s › t']), T)]);
  const errored = benignResult(benignEntry('e'), [classifyBenignRun(job, result({ exitCode: 2 }), T)]);

  const good = summaryOf([passed, passed]);
  assert.equal(good.gate, 'pass');
  assert.equal(good.falseFailureRate, 0);
  assert.deepEqual(good.benignCounts, { variants: 2, passed: 2, failed: 0, error: 0 });

  const bad = summaryOf([passed, failed, errored, passed]);
  assert.equal(bad.gate, 'fail', 'a false failure fails the gate even with every mutant killed');
  assert.equal(bad.killRate, 1);
  assert.equal(bad.falseFailureRate, 0.5, 'failed and unjudged benign variants both count against the rate');
  assert.deepEqual(bad.benignCounts, { variants: 4, passed: 2, failed: 1, error: 1 });
  const table = renderTable(bad);
  assert.match(table, /Kill rate 1\/1 \(100\.0 %\)/);
  assert.match(table, /False-failure rate 2\/4 \(50\.0 %\), failed 1, error 1\./);
  assert.match(table, /Wall time 1:01 \(parallel 2\)\./);
  assert.match(table, /Gate: FAIL — 2 benign variant\(s\) did not pass/);
  assert.match(table, /False failures .*\n {2}f: the f choice <differs> & is allowed — docs: the docs say nothing about f/);
  assert.match(renderTable(summaryOf([failed], false)), /Gate: FAIL — 1 variant\(s\) not killed, 1 benign variant\(s\) did not pass/);
  assert.equal(summaryOf([], true).falseFailureRate, 0, 'no benign variant: rate 0');

  // The combined report shows both figures, escaped.
  const html = selfcheckSection(bad);
  assert.match(html, /kill rate 100\.0 %, false-failure rate 50\.0 %/);
  assert.match(html, /Benign variants failed: <b>2 of 4<\/b>/);
  assert.match(html, /the f choice &lt;differs&gt; &amp; is allowed/);
  assert.match(html, /\[emulator\] s › t/);
  assert.deepEqual(falseFailureShare({ gate: 'pass', killRate: 1, baseline: {}, variants: [] }), { bad: 0, total: 0, rate: 0 }, 'a summary from before the benign catalogue');
});

test('runSelfcheck: benign variants through the whole suite (and limiter ones through load over, alone); a false failure fails the gate', async () => {
  const dir = tmp();
  try {
    const f = fakeExecutor({
      [BASELINE]: result(),
      [BASELINE_LOAD]: result(),
      'benign.ok': result({ durationMs: 3000 }),
      'benign.win': result(),
      'benign.win.load-over': result({ exitCode: 1 }, ['recentcontact/mark_contact throttled_share: observed 20 %, expected 33 % ± 5']),
      'benign.bad': result({ exitCode: 1 }, ['[emulator] specs/m.spec.ts › bits']),
      k: result({ exitCode: 1 }, ['[emulator] a › t']),
      'k.confirm': result({ exitCode: 1 }, ['[emulator] a › t']),
    });
    const lines: string[] = [];
    const { summary, files } = await runSelfcheck({ entries: [entry('k')], benign: [benignEntry('ok'), benignEntry('win', true), benignEntry('bad')], parallel: 2, timeoutMs: T, reportsDir: dir, workers: 2, execute: f.execute, log: (l) => lines.push(l) });
    const names = f.jobs.map((j) => j.name);
    assert.equal(names[0], BASELINE);
    assert.deepEqual(names.slice(1, 4), ['benign.ok', 'benign.win', 'benign.bad'], 'the long whole-suite benign runs are scheduled before the mutants');
    assert.deepEqual(names.slice(-2), [BASELINE_LOAD, 'benign.win.load-over']);
    assert.deepEqual(f.loadCompany, [[], []], 'load runs run alone');
    assert.equal(f.maxInFlight(), 2);

    assert.equal(summary.gate, 'fail');
    assert.equal(summary.killRate, 1);
    assert.deepEqual(summary.benignCounts, { variants: 3, passed: 1, failed: 2, error: 0 });
    assert.equal(summary.falseFailureRate, 0.6667);
    assert.deepEqual(summary.benign.map((b) => [b.name, b.outcome, b.runs.map((r) => `${r.suite}:${r.outcome}`).join(',')]), [
      ['ok', 'passed', 'contracts:passed'],
      ['win', 'failed', 'contracts:passed,load-over:failed'],
      ['bad', 'failed', 'contracts:failed'],
    ]);
    assert.equal(summary.benign[0]?.docs, 'the docs say nothing about ok');
    assert.deepEqual(readSelfcheckSummary(dir), JSON.parse(readFileSync(files.summary, 'utf8')));
    const xml = readFileSync(files.junit, 'utf8');
    assert.match(xml, /kill rate 100\.0 %, false-failure rate 66\.7 %/);
    assert.match(xml, /<testcase classname="selfcheck.benign" name="bad"[^>]*>\s*<failure message="false failure: /);
    assert.match(xml, /load over: recentcontact\/mark_contact throttled_share/);
    assert.ok(lines.some((l) => /benign\.bad: failed in/.test(l)), lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('runSelfcheck: a failing baseline runs no benign variant either, and they count as not passed', async () => {
  const dir = tmp();
  try {
    const f = fakeExecutor({ [BASELINE]: result({ exitCode: 1 }, ['[emulator] broken']) });
    const { summary } = await runSelfcheck({ entries: [], benign: [benignEntry('a'), benignEntry('w', true)], parallel: 2, timeoutMs: T, reportsDir: dir, workers: 2, execute: f.execute });
    assert.deepEqual(f.jobs.map((j) => j.name), [BASELINE]);
    assert.equal(summary.gate, 'fail');
    assert.deepEqual(summary.benignCounts, { variants: 2, passed: 0, failed: 0, error: 2 });
    assert.ok(summary.benign.every((b) => b.runs.every((r) => /^not run: the contract suite fails/.test(r.detail))));
    assert.deepEqual(summary.benign[1]?.runs.map((r) => r.suite), ['contracts', 'load-over']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('seenBy: a grep of the patterns, each kept whole; contracts variants only', () => {
  assert.equal(seenByGrep(seenEntry('v', ['a|b', 'limits-1000'])), '(?:a|b)|(?:limits-1000)');
  assert.ok(new RegExp(seenByGrep(seenEntry('v', ['names of 31 and 32 bytes of [234]-byte'])) ?? '').test('create: names of 31 and 32 bytes of 3-byte characters'));
  assert.equal(seenByGrep(entry('v')), undefined);
  assert.equal(seenByGrep({ ...seenEntry('v', ['x']), killedBy: 'load-over' }), undefined);
  assert.equal(focusedJob(entry('v'), settings), undefined);
  const job = focusedJob(seenEntry('v', ['x', 'y']), settings);
  assert.deepEqual(job?.args.slice(1), ['contracts', '--report-dir', '/r/selfcheck/v', '--grep', '(?:x)|(?:y)', '--', '--max-failures=1']);
  assert.equal(job?.env.TCIM_EMULATOR_VARIANT, 'v');
});

test('runSelfcheck: a mutant meets its seenBy tests first; the whole suite only when they miss it', async () => {
  const dir = tmp();
  try {
    const f = fakeExecutor({
      [BASELINE]: result(),
      seen: result({ exitCode: 1, durationMs: 500 }, ['[emulator] a › t']),
      'seen.confirm': result({ exitCode: 1, durationMs: 400 }, ['[emulator] a › t']),
      missed: result({ exitCode: 0, durationMs: 300 }),
      'missed.full': result({ exitCode: 1, durationMs: 2000 }, ['[emulator] z › other']),
      'missed.confirm': result({ exitCode: 1, durationMs: 400 }, ['[emulator] z › other']),
      never: result({ exitCode: 0 }),
      'never.full': result({ exitCode: 0 }),
    });
    const { summary } = await runSelfcheck({ entries: [seenEntry('seen', ['t']), seenEntry('missed', ['t']), seenEntry('never', ['t'])], parallel: 1, timeoutMs: T, reportsDir: dir, workers: 2, execute: f.execute });
    assert.deepEqual(f.jobs.map((j) => j.name), [BASELINE, 'seen', 'seen.confirm', 'missed', 'missed.full', 'missed.confirm', 'never', 'never.full']);
    assert.ok(f.jobs[1]?.args.includes('--grep'));
    const full = f.jobs.find((j) => j.name === 'missed.full');
    assert.ok(full && !full.args.includes('--grep') && full.args.includes('--max-failures=1'));
    assert.equal(full.reportDir, join(dir, 'selfcheck', 'missed', 'full'));
    assert.equal(f.jobs.find((j) => j.name === 'missed.confirm')?.args.at(-1), 'other');

    const [seen, missed, never] = summary.variants;
    assert.equal(seen?.outcome, 'killed');
    assert.equal(seen?.scope, 'seen-by');
    assert.equal(seen?.durationMs, 900);
    assert.equal(missed?.outcome, 'killed', 'a stale seenBy costs time, never a kill');
    assert.equal(missed?.scope, 'full-suite');
    assert.equal(missed?.durationMs, 2700);
    assert.match(missed?.detail ?? '', /seenBy tests did not kill it .*update seenBy/);
    assert.deepEqual(missed?.failedTests, ['[emulator] z › other']);
    assert.equal(missed?.seenByMissed, true);
    assert.equal(seen?.seenByMissed, false);
    assert.match(renderTable(summary), /their seenBy missed them .*\n {2}missed: \[emulator\] z › other/);
    assert.equal(never?.outcome, 'survived');
    assert.equal(never?.seenByMissed, false, 'a survivor is listed as a survivor');
    assert.equal(never?.scope, 'full-suite');
    assert.equal(summary.gate, 'fail');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('combined report verdict: a false failure is named as such among the reasons', async () => {
  const { readInputs } = await import('../../app/report/inputs.ts');
  const { verdictOf } = await import('../../app/report/verdict.ts');
  const dir = tmp();
  try {
    const job = benignJob(benignEntry('b'), 'contracts', settings);
    const failed = benignResult(benignEntry('f'), [classifyBenignRun(job, result({ exitCode: 1 }, ['[emulator] s › t']), T)]);
    writeSelfcheckReports(join(dir, 'selfcheck'), summaryOf([failed]));
    const v = verdictOf(readInputs(dir));
    assert.ok(v.reasons.includes('mutation self-check: 1 of 1 benign variants failed (false failures)'), v.reasons.join('\n'));
    writeSelfcheckReports(join(dir, 'selfcheck'), summaryOf([failed], false));
    assert.ok(verdictOf(readInputs(dir)).reasons.includes('mutation self-check: 1 of 1 variants not killed, 1 of 1 benign variants failed (false failures)'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('contractTargetVariant: the variant a contracts run recorded in target.json (null: the correct emulator)', () => {
  const dir = tmp();
  try {
    assert.equal(contractTargetVariant(dir), undefined);
    writeFileSync(join(dir, 'target.json'), JSON.stringify({ kind: 'emulator', variant: 'page-size-7' }));
    assert.equal(contractTargetVariant(dir), 'page-size-7');
    writeFileSync(join(dir, 'target.json'), JSON.stringify({ kind: 'emulator', variant: null }));
    assert.equal(contractTargetVariant(dir), null);
    writeFileSync(join(dir, 'target.json'), '{');
    assert.equal(contractTargetVariant(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
