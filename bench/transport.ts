/**
 * Transport-realism benchmark (`npx tsx bench/transport.ts [loopback|latency|502|close ...]`): the full
 * contract suite against the embedded emulator on loopback, with 200 ms added to every call, with
 * transient 502s (one call in twenty before the server sees it, one in fifty after it applied the call;
 * seeded) and with the connection closed after every answer (bench/transport-variants.ts). Prints the
 * suite wall time of each and, for the faulty ones, the calls, the retries and the failures (which must
 * be 0). Budget: under 30 s with 200 ms latency. Figures; the exit code is 1 only if a run fails.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from '../contracts/results/verdict.ts';
import { runContracts, type Run } from '../test/contracts/helpers.ts';
import { LATENCY_MS } from './transport-variants.ts';

const MODULE = fileURLToPath(new URL('./transport-variants.ts', import.meta.url));
const LATENCY_BUDGET_S = 30;
const CASES = [
  { key: 'loopback', label: 'loopback', variant: undefined },
  { key: 'latency', label: `${LATENCY_MS} ms latency on every call`, variant: 'transport-latency-200' },
  { key: '502', label: 'transient 502 (1/20 before, 1/50 after applying)', variant: 'transport-502' },
  { key: 'close', label: 'Connection: close after every answer', variant: 'transport-close' },
];

type Stats = { total?: number; faults?: Record<string, number> };
type Cov = { calls?: { target: number; private: number }; transient?: number; throttled?: number; appliedRetries?: number };

const wanted = process.argv.slice(2);
let bad = 0;
/** Suite seconds per case, to print what the latency costs over loopback measured on the same machine. */
const suiteSeconds: Record<string, number> = {};
const rows: [string, string][] = [];
for (const c of CASES.filter((x) => wanted.length === 0 || wanted.includes(x.key))) {
  const started = performance.now();
  const r: Run = await runContracts([], c.variant ? { TCIM_EMULATOR_VARIANT: c.variant, TCIM_EMULATOR_VARIANT_MODULE: MODULE } : {}, 900_000);
  const wall = (performance.now() - started) / 1000;
  const suite = readJson<{ stats?: { duration?: number } }>(join(r.reportDir, 'results.json'))?.stats?.duration;
  const stats = readJson<Stats>(join(r.reportDir, 'emulator-stats.json'));
  const cov = r.coverage as Cov | undefined;
  if (r.code !== 0) bad++;
  if (suite !== undefined) suiteSeconds[c.key] = suite / 1000;
  const over = c.key === 'latency' && suite !== undefined && suite / 1000 >= LATENCY_BUDGET_S ? ` — OVER the ${LATENCY_BUDGET_S} s budget` : '';
  rows.push([`${c.label}: wall (CLI / suite)`, `${wall.toFixed(1)} s / ${suite === undefined ? '?' : (suite / 1000).toFixed(1)} s, exit ${r.code}${over}`]);
  if (c.key === '502' || c.key === 'close') {
    const f = stats?.faults ?? {};
    rows.push([`${c.label}: calls`, `${cov?.calls?.target ?? '?'} to the run target (${stats?.total ?? '?'} counted by it), ${cov?.calls?.private ?? '?'} to private emulators`]);
    rows.push([`${c.label}: faults injected`, `${f.http502 ?? 0} 502 before, ${f.http502After ?? 0} 502 after applying, ${f.close ?? 0} closed connections`]);
    rows.push([`${c.label}: retries`, `${cov?.transient ?? 0} lost answers sent again (${cov?.appliedRetries ?? 0} after an applied write), ${cov?.throttled ?? 0} throttle answers`]);
    rows.push([`${c.label}: failures (must be 0)`, `${r.verdict.counts.failed} failed, ${r.verdict.counts.inconclusive} inconclusive, ${r.verdict.counts.harness} harness errors`]);
  }
  if (r.code !== 0) console.log(`--- ${c.label}: suite output (tail) ---\n${r.output.slice(-3000)}`);
}
const [loop, lat] = [suiteSeconds.loopback, suiteSeconds.latency];
if (loop !== undefined && lat !== undefined) rows.push([`${LATENCY_MS} ms latency: cost over loopback (same machine, same load)`, `${(lat - loop).toFixed(1)} s (${(lat / loop).toFixed(2)}×)`]);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
process.exit(bad ? 1 : 0);
