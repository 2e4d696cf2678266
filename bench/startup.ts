/**
 * Start-up benchmark (`npx tsx bench/startup.ts`): how long `tcim-harness --help` takes, as installed
 * (dist/bin, plain node — built first with `npm run build` when dist/ is missing) and from the sources
 * (bin/, through tsx). Median of several runs; the installed figure has a budget of 0.3 s (issue 12),
 * which the lazy command registry (app/cli/registry.ts) keeps. Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 9;
const BUDGET_SECONDS = 0.3;
const DIST_BIN = join(ROOT, 'dist/bin/tcim-harness.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Seconds per `node <args>`, one warm-up run first (file cache), then RUNS measured. */
function time(args: string[]): { median: number; min: number; max: number } {
  const once = (): number => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return (performance.now() - t) / 1000;
  };
  once();
  const xs = Array.from({ length: RUNS }, once);
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

if (!existsSync(DIST_BIN)) {
  console.log('dist/ is missing: npm run build');
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const fmt = (s: number): string => `${s.toFixed(3)} s`;
const dist = time([DIST_BIN, '--help']);
const source = time([join(ROOT, 'bin/tcim-harness.js'), '--help']);
// node's own start on this machine now: on a busy machine it is most of the figure.
const bare = time(['-e', '']);
console.log(`tcim-harness --help start, installed (dist/, plain node): median ${fmt(dist.median)} of ${RUNS} (min ${fmt(dist.min)}, max ${fmt(dist.max)}); budget ${BUDGET_SECONDS} s: ${dist.median < BUDGET_SECONDS ? 'within' : 'OVER'}`);
console.log(`node itself (node -e ''): median ${fmt(bare.median)}; the harness adds ${fmt(Math.max(0, dist.median - bare.median))}`);
console.log(`tcim-harness --help start, from the sources (bin/, tsx): median ${fmt(source.median)} (for comparison; tsx compiles on load)`);
