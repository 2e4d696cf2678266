import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildMatrix, type TestFacts } from '../../contracts/coverage/matrix.ts';
import { codesForCommand, lookupError, ErrorCodes } from '../../src/errors/index.ts';
import { buildReport } from '../../app/report/index.ts';
import { checkInBrowser, CHROMIUM } from '../../app/report/browser-check.ts';
import { registerSecret } from '../../src/core/redact.ts';
import { readContractResults } from '../../contracts/index.ts';
import { exitForVerdict } from '../../app/run/exit.ts';
import { readContractFailures } from '../../app/selfcheck/results.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'report-test-secret-key-0123456789';
registerSecret(SECRET);
const meta = { runId: 'r1', target: 'embedded emulator', startedAt: '2026-11-27T00:00:00Z', finishedAt: '2026-11-27T00:01:00Z', versions: { node: process.version } };

/** A reports/ tree as the suites write it: every documented cell covered, one failure, one load profile. */
function makeReports(opts: { failMarkLimit: boolean; untested?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-report-'));
  const commands = ['create_contact_group', 'update_contact_group', 'del_contact_group', 'search_contact_group', 'mark_contact', 'get_contact_group'].map((c) => `recentcontact/${c}`);
  const facts: TestFacts[] = [];
  for (const command of commands) {
    for (const e of [lookupError(ErrorCodes.OK)!, ...codesForCommand(command)]) {
      if (opts.untested && e.name === 'MARK_ITEM_COUNT_OUT_OF_RANGE') continue;
      const failing = opts.failMarkLimit && e.name === 'MARK_ITEM_COUNT_OUT_OF_RANGE';
      facts.push({ title: `[emulator] ${command} ${e.code}`, status: failing ? 'failed' : 'passed', covers: [`${e.code} ${command}`], observed: [`${e.code} ${command}`], inconclusive: false });
    }
  }
  const m = buildMatrix(facts, { partial: false });
  mkdirSync(join(dir, 'contracts'), { recursive: true });
  writeFileSync(join(dir, 'contracts/coverage.json'), JSON.stringify({ runId: 'r1', target: 'emulator', runStatus: 'passed', counts: {}, drift: [], inconclusive: [], gate: m.gate, gateReason: m.gateReason, cells: m.cells, notApplicable: m.notApplicable }));
  const failed = {
    title: 'mark: 101 MarkItem → 51006',
    file: 'specs/mark_contact.spec.ts',
    tests: [{ projectName: 'emulator', status: 'unexpected', annotations: [{ type: 'doc', description: 'https://www.tencentcloud.com/document/product/1047/53438' }, { type: 'covers', description: '51006 recentcontact/mark_contact' }], results: [{ status: 'failed', error: { message: `expected ErrorCode 51006, got 0 (key ${SECRET})` }, attachments: [{ name: 'curl', contentType: 'text/plain', body: Buffer.from(`curl -sS -X POST 'http://127.0.0.1/v4/recentcontact/mark_contact?usersig=${SECRET}'`).toString('base64') }] }] }],
  };
  const passed = { title: 'mark: 100 MarkItem accepted', file: 'specs/mark_contact.spec.ts', tests: [{ projectName: 'emulator', status: 'expected', annotations: [], results: [{ status: 'passed', attachments: [] }] }] };
  writeFileSync(join(dir, 'contracts/results.json'), JSON.stringify({ suites: [{ title: 'x', specs: opts.failMarkLimit ? [failed, passed] : [passed] }], stats: { expected: 1, unexpected: opts.failMarkLimit ? 1 : 0, skipped: 0, flaky: 0, duration: 1000 } }));
  // A real summary written by `tcim-harness load --profile over --duration 4s --commands get,search`.
  mkdirSync(join(dir, 'load/over'), { recursive: true });
  copyFileSync(join(root, 'test/report/fixtures/load-over-summary.json'), join(dir, 'load/over/summary.json'));
  return dir;
}

test('the verdict is FAIL when a contract failed, and the failure shows its doc row and curl line, redacted', () => {
  const dir = makeReports({ failMarkLimit: true });
  const r = buildReport(dir, meta);
  assert.equal(r.verdict.verdict, 'FAIL');
  const html = readFileSync(r.file, 'utf8');
  assert.match(html, /id="verdict" data-verdict="FAIL"/);
  assert.match(html, /mark: 101 MarkItem/);
  assert.match(html, /1047\/53438/);
  assert.match(html, /curl -sS -X POST/);
  assert.ok(!html.includes(SECRET), 'secret leaked into the report');
  assert.ok(!readFileSync(join(dir, 'run.json'), 'utf8').includes(SECRET));
  assert.match(html, /data-status="failed"/);
});

test('the verdict is PASS when everything passed, and the load section shows rates and throttled share', () => {
  const dir = makeReports({ failMarkLimit: false });
  const r = buildReport(dir, meta);
  assert.equal(r.verdict.verdict, 'PASS', r.verdict.reasons.join(';'));
  const html = readFileSync(r.file, 'utf8');
  assert.match(html, /achieved call rate per command vs target/);
  assert.match(html, /data-profile="over"/);
  assert.match(html, /throttled share per command/);
  assert.ok(!/<script|https?:\/\/(?!www\.tencentcloud|intl\.cloud|cloud\.tencent|trtc\.io|127\.0\.0\.1)/.test(html.replace(/href="[^"]*"/g, '')), 'the page must load nothing from the network');
});

test('an untested documented code fails the coverage gate and the verdict', () => {
  const r = buildReport(makeReports({ failMarkLimit: false, untested: true }), meta);
  assert.equal(r.verdict.verdict, 'FAIL');
  assert.match(r.verdict.reasons.join(' '), /coverage gate/);
});

test('missing results make the verdict INCOMPLETE, not PASS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-report-empty-'));
  assert.equal(buildReport(dir, meta).verdict.verdict, 'INCOMPLETE');
});

test('in a real browser (Debian Chromium): verdict and matrix visible, no console errors, no network, screenshot saved', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: npm run setup installs it` }, async () => {
  const dir = makeReports({ failMarkLimit: true });
  const r = buildReport(dir, meta);
  mkdirSync(join(root, 'reports'), { recursive: true });
  const shot = join(root, 'reports/report-check.png');
  const b = await checkInBrowser(r.file, shot);
  assert.equal(b.verdict, 'FAIL');
  assert.ok(b.matrixRows >= 30, `matrix has ${b.matrixRows} rows`);
  assert.ok(b.matrixCells >= 100);
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.externalRequests, []);
  assert.ok(readFileSync(shot).length > 10_000, 'screenshot written');
});

test('a harness error gets one verdict everywhere: exit 2 from the contracts command, ERROR (exit 2) in the report, no kill for the self-check', () => {
  const dir = makeReports({ failMarkLimit: false });
  const harness = {
    title: 'mark: request the harness built is invalid',
    file: 'specs/mark_contact.spec.ts',
    tests: [{ projectName: 'emulator', status: 'unexpected', annotations: [{ type: 'harness-error', description: 'RequestValidationError: MarkItem[0] is required' }], results: [{ status: 'failed', error: { message: 'RequestValidationError: MarkItem[0] is required' }, attachments: [] }] }],
  };
  const passed = { title: 'mark: 100 MarkItem accepted', file: 'specs/mark_contact.spec.ts', tests: [{ projectName: 'emulator', status: 'expected', annotations: [], results: [{ status: 'passed', attachments: [] }] }] };
  writeFileSync(join(dir, 'contracts/results.json'), JSON.stringify({ suites: [{ title: 'x', specs: [harness, passed] }], stats: { expected: 1, unexpected: 1, skipped: 0, flaky: 0, duration: 1000 } }));

  const cli = readContractResults(join(dir, 'contracts')).verdict; // what `tcim-harness contracts` exits with
  assert.equal(cli.exit, 2);
  assert.deepEqual(cli.harness, ['[emulator] x › mark: request the harness built is invalid']);
  const r = buildReport(dir, meta);
  assert.equal(r.verdict.verdict, 'ERROR', r.verdict.reasons.join('; '));
  assert.equal(exitForVerdict(r.verdict.verdict), cli.exit);
  assert.match(r.verdict.reasons.join(' '), /harness or configuration error/);
  const html = readFileSync(r.file, 'utf8');
  assert.match(html, /id="verdict" data-verdict="ERROR"/);
  assert.match(html, /HARNESS ERROR: mark: request the harness built is invalid/);
  assert.doesNotMatch(html, /FAILED: /);
  assert.deepEqual(readContractFailures(join(dir, 'contracts')), { ok: true, failed: [] }, 'the self-check does not count it as a kill');
});

test('the report and the contracts command agree on every contract exit code', () => {
  const cases: { tests: { status: string; annotations?: string[]; result?: string }[]; exit: number; word: string }[] = [
    { tests: [{ status: 'expected' }], exit: 0, word: 'PASS' },
    { tests: [{ status: 'expected' }, { status: 'unexpected' }], exit: 1, word: 'FAIL' },
    { tests: [{ status: 'expected' }, { status: 'unexpected', annotations: ['config-error'] }], exit: 2, word: 'ERROR' },
    { tests: [{ status: 'expected' }, { status: 'unexpected', result: 'interrupted' }], exit: 2, word: 'ERROR' },
    { tests: [{ status: 'skipped' }], exit: 2, word: 'INCOMPLETE' },
    { tests: [{ status: 'expected' }, { status: 'unexpected', annotations: ['inconclusive'] }], exit: 3, word: 'INCONCLUSIVE' },
  ];
  for (const c of cases) {
    const dir = makeReports({ failMarkLimit: false });
    const specs = c.tests.map((t, i) => ({
      title: `t${i}`,
      file: 'specs/a.spec.ts',
      tests: [{ projectName: 'emulator', status: t.status, annotations: (t.annotations ?? []).map((type) => ({ type })), results: [{ status: t.result ?? (t.status === 'expected' ? 'passed' : t.status === 'skipped' ? 'skipped' : 'failed'), attachments: [] }] }],
    }));
    writeFileSync(join(dir, 'contracts/results.json'), JSON.stringify({ suites: [{ title: 'x', specs }] }));
    rmSync(join(dir, 'load'), { recursive: true, force: true });
    const exit = readContractResults(join(dir, 'contracts')).verdict.exit;
    const word = buildReport(dir, meta).verdict.verdict;
    assert.deepEqual([exit, word, exitForVerdict(word)], [c.exit, c.word, c.exit], JSON.stringify(c.tests));
  }
});
