/**
 * Done-when of the baseline: `at` runs through the CLI against the embedded emulator — a pair without
 * injected latency passes `--baseline last`; a third run whose emulator serves get_contact_group 250 ms
 * late (the emulator's latency fault, via an emulator variant module) fails it naming p99 of get and
 * not of search. A bad history line is exit 2 naming its line, before any traffic. About 45 s.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LoadSummary } from '../../load/report/summary.ts';
import { readHistory } from '../../load/history/file.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('./load-cli.ts', import.meta.url));
const VARIANT = fileURLToPath(new URL('./fixtures/latency-variant.ts', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'tcim-baseline-'));
after(() => rmSync(base, { recursive: true, force: true }));
const loadDir = join(base, 'load');
const historyFile = join(base, 'history', 'load.jsonl');
const GET = 'recentcontact/get_contact_group';
const SEARCH = 'recentcontact/search_contact_group';

function cleanEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_'))), ...extra };
}

function cli(args: string[], extra: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: cleanEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// 25 ms floor: a shared 2-core CI machine can add a few ms of p99 between two plain runs; 250 ms of injected latency clears it by far
// (even a baseline run hit by a stall of 150 ms p99, seen at load average 17, stays below it by +20 %).
const AT = ['--profile', 'at', '--duration', '5s', '--commands', 'get,search', '--report-dir', loadDir, '--tolerance', 'latency-floor=25ms'];
const summary = (): LoadSummary => JSON.parse(readFileSync(join(loadDir, 'at', 'summary.json'), 'utf8')) as LoadSummary;
const failing = (s: LoadSummary): string[] => s.checks.filter((c) => !c.passed).map((c) => `${c.command} ${c.name}`);

/** The shared machine visibly stalled during a run: late starts, or throttle answers at (not above) the ceiling. */
const stalled = (s: LoadSummary): boolean => Object.values(s.commands).some((c) => c.late > 0 || c.throttled > 0);

/**
 * Exit 0, or exit 1 only for the run's own rate checks while the machine visibly stalled: the baseline
 * checks this test is about all passed.
 */
function assertPassedBaseline(r: { code: number; stdout: string; stderr: string }, s: LoadSummary, t: { diagnostic(m: string): void }): void {
  const bad = failing(s);
  assert.deepEqual(bad.filter((b) => b.includes(' baseline_')), [], r.stdout);
  if (r.code === 0) return;
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const pacing = ['late_starts', 'rate_achieved', 'all_calls_sent', 'zero_throttled'];
  assert.ok(bad.every((b) => pacing.some((p) => b.endsWith(` ${p}`))), bad.join('; '));
  t.diagnostic(`machine overloaded: ${bad.join('; ')} (baseline checks passed)`);
}

/**
 * Two plain runs, the second with --baseline last. A stall of the shared machine during one of them
 * (seen at load average 17: p99 150 ms) moves latency for reasons no baseline can tell from a
 * regression; then, and only then, the pair is run once more.
 */
async function plainPair(t: { diagnostic(m: string): void }): Promise<{ run1: string; second: Awaited<ReturnType<typeof cli>>; s2: LoadSummary }> {
  for (let attempt = 1; ; attempt++) {
    // The first run of all asks for a baseline too: none exists yet, which is a notice, not a failure.
    const first = await cli(attempt === 1 ? [...AT, '--baseline', 'last'] : AT);
    const s1 = summary();
    if (attempt === 1) assert.match(first.stdout + first.stderr, /--baseline last: no earlier run of profile at in .*load\.jsonl; nothing to compare with/);
    const second = await cli([...AT, '--baseline', 'last']);
    const s2 = summary();
    const moved = failing(s2).some((b) => b.includes(' baseline_'));
    if (attempt < 2 && moved && (stalled(s1) || stalled(s2))) {
      t.diagnostic(`the machine stalled during the pair (${failing(s2).join('; ')}): running it once more`);
      continue;
    }
    assertPassedBaseline(first, s1, t);
    return { run1: s1.runIds[0] as string, second, s2 };
  }
}

test('at twice without latency: the second run passes --baseline last; with 250 ms on get it fails naming get p99', async (t) => {
  const { run1, second, s2 } = await plainPair(t);
  assertPassedBaseline(second, s2, t);
  assert.equal(s2.baseline?.against?.runId, run1);
  assert.ok((s2.baseline?.comparisons.length ?? 0) >= 12, JSON.stringify(s2.baseline));
  assert.match(second.stdout, new RegExp(`baseline: run ${run1} .*: \\d+ figures compared, all within tolerance`));

  const third = await cli([...AT, '--baseline', 'last'], { TCIM_EMULATOR_VARIANT: 'slow-get', TCIM_EMULATOR_VARIANT_MODULE: VARIANT });
  assert.equal(third.code, 1, `${third.stdout}\n${third.stderr}`);
  const s3 = summary();
  assert.equal(s3.baseline?.against?.runId, s2.runIds[0]);
  const bad = failing(s3);
  assert.ok(bad.includes(`${GET} baseline_p99`), bad.join('; '));
  // search was not slowed: named only when the machine itself stalled during the run (then every command moves)
  const searchNamed = bad.filter((b) => b.startsWith(`${SEARCH} baseline_`));
  if (searchNamed.length) {
    assert.ok(stalled(s3), `search was not slowed, and the machine did not stall: ${bad.join('; ')}`);
    t.diagnostic(`machine stalled during the slow run: ${searchNamed.join('; ')} as well`);
  }
  // The CLI says which figure moved, by how much, against which run (id and date).
  const line = third.stdout.split('\n').find((l) => /FAIL get_contact_group baseline_p99/.test(l)) ?? '';
  assert.match(line, new RegExp(`p99 [0-9.]+ → [0-9.]+ ms \\(\\+[0-9.]+ %; allowed \\+20 % and ≤ 25 ms\\) against run ${s2.runIds[0]} \\(${s2.startedAt.replace(/[.]/g, '\\.')}\\)`));
  const junit = readFileSync(join(loadDir, 'at', 'junit.xml'), 'utf8');
  assert.match(junit, /<testcase[^>]*name="baseline_p99"[^>]*>\s*<failure/);
  const html = readFileSync(join(loadDir, 'at', 'index.html'), 'utf8');
  assert.match(html, new RegExp(`<h2 id="baseline">Baseline: run ${s2.runIds[0]}`));
  // Every run, slow or not, is in the history, each line valid.
  const h = readHistory(historyFile);
  assert.deepEqual(h.problems, []);
  assert.deepEqual(h.records.slice(-3).map((r) => r.record.runId), [run1, s2.runIds[0], s3.runIds[0]]);
  assert.equal(h.records.at(-1)?.record.variant, 'slow-get');
  assert.ok((h.records.at(-1)?.record.commands[GET]?.latencyMs.p99 ?? 0) >= 250);
});

test('a bad history line is exit 2 naming its line, before any traffic; a missing baseline PATH too', async () => {
  appendFileSync(historyFile, '{"schemaVersion":1,"kind":"tcim-load-history"}\nnot json\n');
  const lines = readFileSync(historyFile, 'utf8').trimEnd().split('\n').length;
  const r = await cli([...AT, '--baseline', 'last']);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, new RegExp(`line ${lines - 1}: not a history record: / must have required property 'runId'`));
  assert.match(r.stderr, new RegExp(`line ${lines}: not JSON`));
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.doesNotMatch(r.stderr, /set-up:/, 'nothing was sent');
  const missing = await cli([...AT, '--baseline', join(base, 'nope.jsonl')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--baseline .*nope\.jsonl: no such file/);
  const tol = await cli([...AT, '--tolerance', 'p99=20']);
  assert.equal(tol.code, 2);
  assert.match(tol.stderr, /--tolerance: p99 must be a number with unit %/);
});
