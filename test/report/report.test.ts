import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildMatrix, type TestFacts } from '../../contracts/coverage/matrix.ts';
import { codesForCommand, lookupError, ErrorCodes } from '../../src/errors/index.ts';
import { buildReport } from '../../app/report/index.ts';
import { checkInBrowser, CHROMIUM } from '../../app/report/browser-check.ts';
import { registerSecret } from '../../src/core/redact.ts';

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
