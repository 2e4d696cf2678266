/**
 * `npm run build` (also `prepack`): the package as it ships, in dist/ — compiled JavaScript with type
 * declarations of app/, src/, contracts/ and load/ (tsc -p tsconfig.build.json, relative `.ts` imports
 * rewritten to `.js`), the data files they read at run time (schemas/, JSON next to the code) at the
 * same relative places, and a bin entry that runs them with plain node (no tsx at run time).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
/** Built here, then moved to dist/: a failed build leaves the previous dist/ as it was. */
const staging = join(root, '.dist-build');
/** Folders compiled into dist/ (tsconfig.build.json "include"); their data files are copied along. */
const CODE = ['app', 'src', 'contracts', 'load'];
/** Read at run time from next to the code (new URL(…, import.meta.url) / readFileSync). */
const DATA = /\.json$/;

function step(line: string): void {
  console.log(`[build] ${line}`);
}

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return dataFiles(path);
    return DATA.test(d.name) ? [path] : [];
  });
}

rmSync(staging, { recursive: true, force: true });
step('tsc -p tsconfig.build.json (JavaScript + declarations)');
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('[build] tsc failed; dist/ is unchanged');
  process.exit(2);
}

step('schemas/ and the JSON files next to the code');
cpSync(join(root, 'schemas'), join(staging, 'schemas'), { recursive: true });
let copied = 0;
for (const dir of CODE) {
  for (const file of dataFiles(join(root, dir))) {
    const to = join(staging, relative(root, file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
    copied++;
  }
}

step('dist/bin/tcim-harness.js (plain node)');
mkdirSync(join(staging, 'bin'), { recursive: true });
const bin = join(staging, 'bin/tcim-harness.js');
writeFileSync(
  bin,
  [
    '#!/usr/bin/env node',
    '// Entry point of the installed package: the compiled CLI, run by plain node (bin/tcim-harness.js in the repository runs the sources through tsx).',
    "const { main } = await import('../app/cli/main.js');",
    'process.exitCode = await main(process.argv.slice(2));',
    '',
  ].join('\n'),
);
chmodSync(bin, 0o755);
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);
step(`done: dist/ (${copied} data files besides schemas/)`);
