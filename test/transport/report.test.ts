/** The combined report shows the retries and the inconclusive calls of the contract run (app/report). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildMatrix } from '../../contracts/coverage/matrix.ts';
import { buildReport } from '../../app/report/index.ts';

const meta = { runId: 'r1', target: 'embedded emulator', startedAt: '2026-12-03T00:00:00Z', finishedAt: '2026-12-03T00:01:00Z', versions: { node: process.version } };

test('retries (lost answers, applied writes, throttle answers) and inconclusive tests are listed in the contracts section', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-report-retries-'));
  mkdirSync(join(dir, 'contracts'), { recursive: true });
  const m = buildMatrix([], { partial: true });
  const coverage = { runId: 'r1', target: 'emulator', runStatus: 'failed', counts: {}, drift: [], inconclusive: ['[emulator] get: paging'], calls: { target: 40, private: 0 }, throttled: 2, transient: 7, appliedRetries: 1, retried: ['[emulator] create: 20 groups'], gate: m.gate, gateReason: m.gateReason, cells: m.cells, notApplicable: m.notApplicable };
  writeFileSync(join(dir, 'contracts/coverage.json'), JSON.stringify(coverage));
  const spec = (title: string, status: string, annotations: { type: string; description: string }[], result: Record<string, unknown>) => ({ title, file: 'specs/x.spec.ts', tests: [{ projectName: 'emulator', status, annotations, results: [result] }] });
  const results = {
    suites: [
      {
        title: 'x',
        specs: [
          spec('create: 20 groups', 'expected', [{ type: 'transient', description: '3 transient failure(s)' }], { status: 'passed', attachments: [] }),
          spec('get: paging', 'unexpected', [{ type: 'inconclusive', description: 'recentcontact/get_contact_group: HTTP 502 after 4 attempt(s)' }], { status: 'failed', error: { message: 'InconclusiveError: HTTP 502 after 4 attempt(s)' }, attachments: [] }),
        ],
      },
    ],
    stats: { expected: 1, unexpected: 1, skipped: 0, flaky: 0, duration: 1000 },
  };
  writeFileSync(join(dir, 'contracts/results.json'), JSON.stringify(results));
  const r = buildReport(dir, meta);
  const html = readFileSync(r.file, 'utf8');
  assert.match(html, /id="retries">Retries: 7 lost answer\(s\)[^<]*1 of them after the server had applied the write[^<]*2 throttle answer\(s\) retried; 1 test\(s\) inconclusive/);
  assert.match(html, /1 test\(s\) passed after retrying<\/summary><ul><li>\[emulator\] create: 20 groups/);
  assert.match(html, /1 inconclusive test\(s\)<\/summary><ul><li>[^<]*get: paging/);
});
