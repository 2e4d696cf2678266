/**
 * One real self-check: the correct emulator, the mutant group-limit-21 (first through the tests of its
 * seenBy) and the benign variant non-admin-50003 (the whole suite) through the contract suite, via
 * bin/tcim-harness.js. Skipped (with the reason) while the contracts command is not available.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliCommands } from '../../app/cli/registry.ts';
import { getVariant } from '../../src/emulator/variants/catalogue.ts';
import { getBenignVariant } from '../../src/emulator/variants/index.ts';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { runSelfcheck } from '../../app/selfcheck/run.ts';

function skipReason(): string | false {
  if (!existsSync(join(REPO_ROOT, 'app/cli/commands/contracts.ts'))) return 'app/cli/commands/contracts.ts does not exist yet (the contracts CLI is not built)';
  if (!cliCommands.some((c) => c.name === 'contracts')) return 'the contracts command is not registered in src/cli/registry.ts yet (`tcim-harness contracts` is unknown)';
  return false;
}

type Run = Awaited<ReturnType<typeof runSelfcheck>> & { lines: string[]; dir: string };

/** The self-check of group-limit-21 and non-admin-50003 (plus `options`) in a fresh reports folder, removed after `check`. */
async function selfcheckE2e(options: { batch?: boolean }, check: (run: Run) => void): Promise<void> {
  const entry = getVariant('group-limit-21');
  const benign = getBenignVariant('non-admin-50003');
  assert.ok(entry && benign);
  const dir = mkdtempSync(join(tmpdir(), 'tcim-selfcheck-e2e-'));
  try {
    const lines: string[] = [];
    const run = await runSelfcheck({ entries: [entry], benign: [benign], parallel: 2, timeoutMs: 180_000, reportsDir: dir, workers: 2, ...options, log: (l) => lines.push(l) });
    check({ ...run, lines, dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('selfcheck end to end: baseline passes, group-limit-21 is killed by its seenBy tests, non-admin-50003 passes', { skip: skipReason(), timeout: 420_000 }, async () => {
  await selfcheckE2e({}, ({ summary, files, lines, dir }) => {
    assert.equal(summary.baseline.contracts.passed, true, `baseline: ${summary.baseline.contracts.detail}\n${lines.join('\n')}`);
    const v = summary.variants[0];
    assert.equal(v?.outcome, 'killed', `${v?.detail}\n${lines.join('\n')}`);
    assert.ok(v.failedTests.length >= 1);
    assert.ok(v.failedTests.some((t) => /21st|20 groups|51010/.test(t)), v.failedTests.join('\n'));
    assert.equal(v.scope, 'seen-by', v.detail);
    const b = summary.benign[0];
    assert.equal(b?.outcome, 'passed', `${b?.detail}\n${lines.join('\n')}`);
    assert.deepEqual(b.runs.map((r) => r.suite), ['contracts']);
    assert.equal(summary.falseFailureRate, 0);
    assert.deepEqual(summary.benignCounts, { variants: 1, passed: 1, failed: 0, error: 0 });
    assert.equal(summary.gate, 'pass');
    assert.equal(summary.killRate, 1);
    assert.ok(summary.wallMs > 0);
    assert.ok(existsSync(join(dir, 'selfcheck', 'benign', 'non-admin-50003', 'contracts', 'results.json')));
    assert.match(readFileSync(files.junit, 'utf8'), /<testcase classname="selfcheck.benign" name="non-admin-50003"/);
    assert.ok(existsSync(join(dir, 'selfcheck', 'group-limit-21', 'results.json')));
    assert.match(readFileSync(files.junit, 'utf8'), /name="group-limit-21"/);
  });
});

test('selfcheck end to end, batched: group-limit-21 killed by its seenBy tests and confirmed by a re-run in the batch, non-admin-50003 passes in the benign batch', { skip: skipReason(), timeout: 420_000 }, async () => {
  await selfcheckE2e({ batch: true }, ({ summary, lines, dir }) => {
    const v = summary.variants[0];
    assert.equal(v?.outcome, 'killed', `${v?.detail}\n${lines.join('\n')}`);
    assert.equal(v.scope, 'seen-by');
    assert.ok(v.failedTests.some((t) => /^\[emulator\] .*21st/.test(t)), v.failedTests.join('\n'));
    assert.deepEqual(v.confirmedBy, v.failedTests);
    assert.match(v.detail, /reproduced on a re-run/);
    assert.equal(summary.benign[0]?.outcome, 'passed', `${summary.benign[0]?.detail}\n${lines.join('\n')}`);
    assert.equal(summary.gate, 'pass');
    // Each entry ran against its own emulator, with its variant.
    assert.match(readFileSync(join(dir, 'selfcheck', 'group-limit-21', 'target.json'), 'utf8'), /"variant": "group-limit-21"/);
    assert.match(readFileSync(join(dir, 'selfcheck', 'benign', 'non-admin-50003', 'contracts', 'target.json'), 'utf8'), /"variant": "non-admin-50003"/);
    assert.ok(lines.some((l) => /^batch: 1 mutant\(s\)/.test(l)), lines.join('\n'));
  });
});
