/**
 * `npm test`: the type check, then every unit/integration test of the harness (node:test under tsx),
 * then one closing line `N passed, N failed` that CI reads. Extra args filter test files by substring.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const filters = process.argv.slice(2);

function listTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listTests(join(dir, d.name)) : d.name.endsWith('.test.ts') ? [join(dir, d.name)] : []))
    .sort();
}

let passed = 0;
let failed = 0;

if (filters.length === 0) {
  console.log('> tsc --noEmit (type check)');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--noEmit'], { stdio: 'inherit' });
  if (tsc.status === 0) passed++;
  else failed++;
}

const files = listTests(join(root, 'test')).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(2);
}
mkdirSync(join(root, 'reports/unit'), { recursive: true });
const tap = join(root, 'reports/unit/results.tap');
console.log(`> node --test (${files.length} files)`);
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, '--test-reporter=junit', `--test-reporter-destination=${join(root, 'reports/unit/junit.xml')}`, ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TCIM_TEST: '1' } },
);
const summary = readFileSync(tap, 'utf8');
const count = (k: string) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
passed += count('pass');
failed += count('fail') + count('cancelled');
if (run.status !== 0 && count('fail') + count('cancelled') === 0) failed++;
const skipped = count('skipped');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
