/**
 * `npm run bench`: every benchmark of the project, each in its own process, printing its figures.
 * `npm run bench -- emulator` runs only the benchmarks whose name matches. Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const BENCHES = [
  { name: 'startup', file: 'bench/startup.ts', about: '`tcim-harness --help` start time, installed (dist/) and from the sources; budget 0.3 s' },
  { name: 'emulator', file: 'bench/emulator.ts', about: 'emulator throughput vs bare node:http, p99 at 200/s, memory for 1,000 × 1,000' },
  { name: 'contracts', file: 'bench/contracts.ts', about: 'calls and wall time of the full contract suite; minimum time at 150 calls/s' },
  { name: 'transport', file: 'bench/transport.ts', about: 'suite wall time on loopback and with 200 ms latency (budget 30 s); calls, retries and failures with transient 502s and closed connections' },
  { name: 'load', file: 'bench/load.ts', about: 'rate accuracy at 200/s per command, late starts, generator CPU, emulator headroom' },
  { name: 'ceiling', file: 'bench/ceiling.ts', about: 'ceiling search against the smooth and the fixed-window limiter: ceiling found and its error vs 200/s (bar 3 %), shape observed' },
];

const filter = process.argv.slice(2);
let failed = 0;
for (const b of BENCHES.filter((x) => filter.length === 0 || filter.some((f) => x.name.includes(f)))) {
  if (!existsSync(`${root}${b.file}`)) continue;
  console.log(`\n=== bench ${b.name}: ${b.about}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', b.file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
