/**
 * Transport realism, end to end: the full contract suite against an emulator that answers one call in
 * twenty with 502 before seeing it and applies one in fifty before answering 502 (seeded), and against one
 * that closes the connection after every answer. Neither may change a verdict: exit 0, with the retries
 * counted in coverage.json and the faults counted by the emulator. Variants: bench/transport-variants.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from '../../contracts/results/verdict.ts';
import { runContracts } from '../contracts/helpers.ts';

const MODULE = fileURLToPath(new URL('../../bench/transport-variants.ts', import.meta.url));
type Stats = { total?: number; faults?: Record<string, number> };

const run = (variant: string) => runContracts([], { TCIM_EMULATOR_VARIANT: variant, TCIM_EMULATOR_VARIANT_MODULE: MODULE }, 600_000);

test('transient 502s, before and after the server applied the call, produce no contract failure', { timeout: 660_000 }, async () => {
  const r = await run('transport-502');
  assert.equal(r.code, 0, `exit ${r.code}, expected 0:\n${r.output.slice(-4000)}`);
  assert.deepEqual(r.verdict.failed, [], 'no contract failure');
  const stats = readJson<Stats>(join(r.reportDir, 'emulator-stats.json'));
  assert.ok((stats?.faults?.http502 ?? 0) > 0, 'the emulator answered 502 before seeing calls');
  assert.ok((stats?.faults?.http502After ?? 0) > 0, 'the emulator applied calls, then answered 502');
  const cov = r.coverage as { transient?: number; retried?: string[] } | undefined;
  const lost = (stats?.faults?.http502 ?? 0) + (stats?.faults?.http502After ?? 0);
  assert.ok((cov?.transient ?? 0) >= lost, `every 502 of the run target (${lost}) is reported as retried (coverage.json transient=${cov?.transient})`);
  assert.ok((cov?.retried?.length ?? 0) > 0, 'the tests that passed after retrying are listed');
  assert.match(r.output, /exit 0/);
});

test('connections closed by the server after every answer change nothing', { timeout: 660_000 }, async () => {
  const r = await run('transport-close');
  assert.equal(r.code, 0, `exit ${r.code}, expected 0:\n${r.output.slice(-4000)}`);
  const stats = readJson<Stats>(join(r.reportDir, 'emulator-stats.json'));
  // Calls refused before the fault stage (bad signatures, unknown paths) are answered on a kept-alive connection.
  assert.ok((stats?.faults?.close ?? 0) >= (stats?.total ?? 1) * 0.75, `the emulator closed the connection after (nearly) every answer: ${JSON.stringify(stats)}`);
});
