/** The layer rule (DEPS.list per folder, scripts/deps.ts): the project obeys it, and a breach is named. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { checkDeps, formatViolation } from '../../scripts/deps.ts';

test('every import of the project follows the DEPS.list of its folder', () => {
  const found = checkDeps();
  assert.deepEqual(found.map(formatViolation), []);
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tcim-deps-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('an upward import, an internal import past a public entry and a folder without a rule are each named', () => {
  const root = tree({
    'src/core/DEPS.list': '# leaf\n',
    'src/core/a.ts': "import { x } from '../../app/cli/main.ts';\nexport const a = x;\n",
    'load/DEPS.list': 'src/core\n',
    'load/index.ts': "export const entry = 1;\n",
    'load/plan/p.ts': "import { a } from '../../src/core/a.ts';\nexport const p = a;\n",
    'app/DEPS.list': 'src/core\nload/index.ts\n',
    'app/cli/main.ts': "import { entry } from '../../load/index.ts';\nimport { p } from '../../load/plan/p.ts';\nexport const x = entry + p;\n",
    'bin/run.js': "import('../app/cli/main.ts');\n",
  });
  try {
    const found = checkDeps(root, ['src', 'app', 'load', 'bin']).map(formatViolation).sort();
    assert.deepEqual(found, [
      "app/cli/main.ts:2: import '../../load/plan/p.ts' (load/plan/p.ts) breaks the rule: app/DEPS.list allows src/core/, load/index.ts",
      "bin/run.js:1: import '../app/cli/main.ts' (app/cli/main.ts) breaks the rule: no DEPS.list in bin or above says what it may import",
      "src/core/a.ts:1: import '../../app/cli/main.ts' (app/cli/main.ts) breaks the rule: src/core/DEPS.list allows nothing outside its folder",
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a DEPS.list entry that does not exist is an error, not a silent allowance', () => {
  const root = tree({ 'app/DEPS.list': 'src/nowhere\n', 'app/a.ts': 'export const a = 1;\n' });
  try {
    assert.throws(() => checkDeps(root, ['app']), /app\/DEPS\.list: "src\/nowhere" does not exist/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
