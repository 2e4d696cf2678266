/**
 * The converse of the mutation self-check: against emulators that differ from the default only where the docs
 * allow (src/emulator/variants/benign/) the suite must pass — exit 0 — and list what differed as drift warnings
 * in coverage.json. A few representative variants, each with only the tests that can see its difference (the
 * self-check runs the whole catalogue against the whole suite).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getBenignVariant } from '../../src/emulator/variants/benign/index.ts';
import { explain, removeReports, runContracts } from './helpers.ts';

interface Benign {
  variant: string;
  /** The tests that can see the differences (--grep). */
  grep: string;
  /** Drift warnings that must be listed. */
  drift: RegExp[];
}

/**
 * Two runs side by side, about a minute: everything-else (every doc-silent choice the other way at once:
 * bit order and 64-bit padding, page size 7, empty fields present, non-admin 50003, ...) through the tests
 * that see those points, and bits written the other way round alone (the one form the probe could confuse
 * with trimming).
 */
const BENIGN: Benign[] = [
  {
    variant: 'everything-else',
    grep: 'mark: set and clear|get: pages through|get: a user without data|search: returns the data|non-admin',
    drift: [/StandardMark: bit 0 is the rightmost.*lsb-left.*pad-64/, /empty fields are omitted/, /non-admin identifier code/, /ErrorInfo says what went wrong/],
  },
  { variant: 'mark-bits-lsb-left', grep: 'mark: set and clear|flow: groups and marks', drift: [/StandardMark: bit 0 is the rightmost.*lsb-left.*trim/] },
];

describe('benign variants pass with drift warnings', { concurrency: 2 }, () => {
  for (const b of BENIGN) {
    test(`${b.variant} → exit 0, drift ${b.drift.map((d) => d.source).join(' | ')}`, { timeout: 180_000 }, async () => {
      assert.ok(getBenignVariant(b.variant), `${b.variant} is in the benign catalogue`);
      const run = await runContracts(['--grep', b.grep, '--workers', '2'], { TCIM_EMULATOR_VARIANT: b.variant }, 170_000);
      assert.equal(run.code, 0, explain(run));
      assert.ok(run.verdict.counts.passed > 1, `tests ran: ${JSON.stringify(run.verdict.counts)}`);
      const drift = (run.coverage as { drift?: unknown[] } | undefined)?.drift ?? [];
      for (const want of b.drift) assert.ok(drift.some((d) => want.test(JSON.stringify(d))), `coverage.json lists ${want.source}; it has: ${JSON.stringify(drift).slice(0, 1500)}`);
      removeReports(run);
    });
  }
});
