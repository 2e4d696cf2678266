/**
 * Load-generator benchmark (`npx tsx bench/load.ts [--duration 60s]`), loopback only, figures printed,
 * no timed assertions:
 *  1. rate accuracy: profile `at` (200/s per command, 1200/s total) against the embedded emulator —
 *     achieved rate vs target (±1 %), late starts, vegeta CPU, emulator CPU and headroom;
 *  2. the emulator's own maximum throughput: a short unthrottled burst of reads (get + search) at a
 *     rate far above what it can serve, so vegeta's workers keep it saturated; headroom = max / 1200.
 * Reports of part 1 go to reports/bench/load/at/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ImClient, RateBudget } from '../src/client/index.ts';
import { parseWholeNumber } from '../src/core/numbers.ts';
import { runAttack } from '../load/generate/attack.ts';
import { parseDuration } from '../load/plan/duration.ts';
import { startEmulatorProcess } from '../load/generate/emulator-process.ts';
import { setupPool, teardownPool } from '../load/setup/fixtures.ts';
import { Plan } from '../load/plan/plan.ts';
import { Pool, newRunId } from '../load/plan/user-pool.ts';
import { RandomCodec } from '../load/plan/random.ts';
import { runLoad } from '../load/run.ts';
import { runUserSig } from '../load/generate/resolve-target.ts';
import { TOLERANCES } from '../load/plan/tolerances.ts';
import { resolveVegeta } from '../load/generate/vegeta.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '60s' }, 'burst-seconds': { type: 'string', default: '3' } } });
const durationMs = parseDuration(values.duration ?? '60s');
const burstSeconds = parseWholeNumber('--burst-seconds', values['burst-seconds'], { min: 1, max: 10 });
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_') || k === 'TCIM_VEGETA'));
const f = (n: number | null | undefined, d = 2): string => (n === null || n === undefined ? '?' : n.toFixed(d));

console.log(`# 1. rate accuracy: profile at, 200/s per command × 6 = 1200/s, ${durationMs / 1000}s, embedded emulator (child process)`);
const res = await runLoad({ profile: 'at', durationMs, reportDir: 'reports/bench/load', env, log: () => {} });
const s = res.summary;
console.log('command                    target/s  achieved/s   dev %   calls  late>50ms  lateness p99/max ms  latency p50/p95/p99 ms');
for (const c of Object.values(s.commands)) {
  const dev = ((c.achievedRate - c.targetRate) / c.targetRate) * 100;
  console.log(
    `${c.command.replace('recentcontact/', '').padEnd(26)} ${String(c.targetRate).padStart(8)} ${f(c.achievedRate, 3).padStart(11)} ${f(dev, 3).padStart(7)} ${String(c.calls).padStart(7)} ${String(c.late).padStart(10)} ${`${f(c.latenessMs.p99, 1)}/${f(c.latenessMs.max, 1)}`.padStart(20)} ${`${f(c.latencyMs.p50)}/${f(c.latencyMs.p95)}/${f(c.latencyMs.p99)}`.padStart(23)}`,
  );
}
const within = Object.values(s.commands).every((c) => Math.abs(c.achievedRate - c.targetRate) / c.targetRate <= TOLERANCES.rateRelative);
console.log(`achieved within ±${TOLERANCES.rateRelative * 100} %: ${within ? 'yes' : 'NO'}; verdict ${s.verdict}; throttled ${s.totals.throttled}; late starts ${s.totals.late}`);
console.log(`vegeta: ${f(s.generator.cpuSeconds)} CPU s = ${f(s.generator.cpuPercent, 1)} % of one core at 1200/s (≈ ${f(((s.generator.cpuSeconds ?? 0) / s.totals.calls) * 1e6, 0)} µs CPU per call)`);
console.log(`emulator: ${f(s.emulator?.cpuSeconds)} CPU s = ${f(s.emulator?.cpuPercent, 1)} % of one core; CPU headroom ≈ ${f(s.emulator?.headroom, 1)}×`);

console.log(`\n# 2. emulator max throughput: unthrottled burst of get + search for ${burstSeconds}s, vegeta saturating it`);
const emu = await startEmulatorProcess({ throttle: { enabled: false } });
const workDir = mkdtempSync(join(tmpdir(), 'tcim-bench-'));
try {
  const config = { baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, auth: { kind: 'secret-key' as const, secretKey: emu.secretKey }, timeoutMs: 10_000, usersigExpireSeconds: 3600 };
  const client = new ImClient(config, { budget: new RateBudget(180) });
  const pool = new Pool({ runId: newRunId(), segmentIndex: 0, segmentCount: 1, maxCreateRate: 0 });
  await setupPool(client, pool);
  const rate = 10_000;
  const plan = new Plan({ rates: { 'recentcontact/get_contact_group': rate, 'recentcontact/search_contact_group': rate }, seconds: burstSeconds, pool, codec: new RandomCodec(0, 1) });
  const out = await runAttack({
    plan,
    target: { baseUrl: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, usersig: runUserSig(config, 3600) },
    vegeta: resolveVegeta(env),
    workDir,
    name: 'burst',
    timeoutMs: 10_000,
    analyse: { windowMs: 1000, lateLimitMs: TOLERANCES.lateStartMs, schemaEvery: 0, strictSchema: false },
    emulatorPid: emu.pid,
  });
  const stats = [...out.analysis.stats.values()];
  const ok = stats.reduce((n, x) => n + x.ok, 0);
  const calls = stats.reduce((n, x) => n + x.calls, 0);
  const first = Math.min(...stats.map((x) => x.firstTs));
  const last = Math.max(...stats.map((x) => x.lastTs));
  const served = ok / ((last - first) / 1000);
  console.log(`offered ${2 * rate}/s, answered ${calls} calls (${ok} OK) in ${f((last - first) / 1000)} s → ${f(served, 0)} calls/s`);
  console.log(`emulator ${f(out.emulator?.cpuPercent, 1)} % of one core, vegeta ${f(out.generator?.cpuPercent, 1)} % (both share this machine's cores)`);
  console.log(`headroom vs the 1200/s of part 1: ${f(served / 1200, 1)}×`);
  await teardownPool(client, pool);
} finally {
  await emu.stop();
  rmSync(workDir, { recursive: true, force: true });
}
