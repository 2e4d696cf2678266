/**
 * Contract-suite benchmark (`npx tsx bench/contracts.ts`): runs the full suite against the embedded
 * emulator through `tcim-harness contracts` and prints its wall time, the calls it made (to the run's
 * target, to private emulators, and as the emulator counted them) and the minimum time the same suite
 * would need against staging at the default budget of 150 calls/s. Figures, not assertions.
 * Environment: BENCH_WORKERS (default: the suite's own default), TCIM_RATE_BUDGET (default 150).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson, type CoverageFile } from '../contracts/results/verdict.ts';
import { DEFAULT_RATE_BUDGET } from '../contracts/support/env.ts';
import { parsePositiveNumber } from '../src/core/numbers.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const reportDir = mkdtempSync(join(tmpdir(), 'tcim-bench-contracts-'));
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_') || k === 'TCIM_RATE_BUDGET'));
env.CI = '1';
const workers = process.env.BENCH_WORKERS ? ['--workers', process.env.BENCH_WORKERS] : [];

const started = performance.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/contracts/cli-entry.ts', '--report-dir', reportDir, ...workers], { cwd: ROOT, env, encoding: 'utf8' });
const wallSeconds = (performance.now() - started) / 1000;

type Coverage = CoverageFile & { counts?: Record<string, number>; calls?: { target: number; private: number } };
const coverage = readJson<Coverage>(join(reportDir, 'coverage.json'));
const stats = readJson<{ total?: number }>(join(reportDir, 'emulator-stats.json'));
const budget = parsePositiveNumber('TCIM_RATE_BUDGET', process.env.TCIM_RATE_BUDGET, { fallback: DEFAULT_RATE_BUDGET });
const target = coverage?.calls?.target ?? 0;

const rows: [string, string][] = [
  ['exit code', String(r.status)],
  ['wall time (CLI, incl. Playwright start-up)', `${wallSeconds.toFixed(1)} s`],
  ['tests', Object.entries(coverage?.counts ?? {}).map(([k, v]) => `${v} ${k}`).join(', ')],
  ['coverage gate', coverage?.gate ?? 'missing'],
  ['calls to the run target', String(target)],
  ['calls to private emulators (emulator-only tests)', String(coverage?.calls?.private ?? 0)],
  ['requests counted by the run emulator', String(stats?.total ?? '?')],
  [`minimum suite time against staging at ${budget} calls/s`, `${(target / budget).toFixed(1)} s (calls to the target / budget)`],
  ['reports', reportDir],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
if (r.status !== 0) console.log(`\n--- suite output (tail) ---\n${(r.stdout + r.stderr).slice(-4000)}`);
process.exit(r.status === 0 ? 0 : 1);
