/**
 * `tcim-harness init` in an empty project: the files it writes, its refusal to overwrite, and that what it
 * writes works — the config validates and the example spec passes against the embedded emulator (its
 * `tcim-harness/test` import pointed at this repository's contracts/test.ts, as the package maps it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config/index.ts';
import { cli, root } from './helpers.ts';

const FILES = ['tcim.config.ts', 'tests/tcim/example.spec.ts', 'tests/tcim/package.json', '.github/workflows/tcim-harness.yml', '.gitlab-ci.tcim-harness.yml'];

test('init --help shows usage and examples', async () => {
  const r = await cli(['init', '--help'], { cwd: root });
  assert.equal(r.code, 0);
  assert.match(r.out, /Usage: tcim-harness init/);
  assert.match(r.out, /Examples:/);
});

test('init writes the config, CI jobs and an example spec, and refuses to overwrite without --force', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-init-'));
  const first = await cli(['init'], { cwd: dir });
  assert.equal(first.code, 0, first.out);
  for (const f of FILES) {
    assert.ok(existsSync(join(dir, f)), `${f} written`);
    assert.match(first.out, new RegExp(`wrote\\s+${f.replace(/[.]/g, '\\.')}`));
  }
  assert.match(readFileSync(join(dir, '.github/workflows/tcim-harness.yml'), 'utf8'), /\$\{\{ secrets\.TCIM_SECRET_KEY \}\}/);
  assert.match(readFileSync(join(dir, 'tests/tcim/example.spec.ts'), 'utf8'), /from 'tcim-harness\/test'/);

  writeFileSync(join(dir, 'tcim.config.ts'), '// mine\nexport default {};\n');
  const again = await cli(['init'], { cwd: dir });
  assert.equal(again.code, 2, again.out);
  assert.match(again.out, /not overwriting tcim\.config\.ts, tests\/tcim\/example\.spec\.ts/);
  assert.match(again.out, /--force/);
  assert.equal(readFileSync(join(dir, 'tcim.config.ts'), 'utf8'), '// mine\nexport default {};\n', 'untouched');

  const forced = await cli(['init', '--force'], { cwd: dir });
  assert.equal(forced.code, 0, forced.out);
  assert.match(forced.out, /replaced\s+tcim\.config\.ts/);

  const noCi = mkdtempSync(join(tmpdir(), 'tcim-init-'));
  assert.equal((await cli(['init', '--no-ci', '--dir', noCi], { cwd: root })).code, 0);
  assert.ok(existsSync(join(noCi, 'tcim.config.ts')));
  assert.ok(!existsSync(join(noCi, '.github')) && !existsSync(join(noCi, '.gitlab-ci.tcim-harness.yml')));
});

test('the written config is valid and the example spec passes with the built-in fixtures', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-init-'));
  assert.equal((await cli(['init', '--no-ci'], { cwd: dir })).code, 0);
  const env: Record<string, string | undefined> = {};
  const loaded = await loadConfig({ cwd: dir, env });
  assert.equal(loaded?.file, join(dir, 'tcim.config.ts'));
  assert.equal(env.TCIM_SPECS, join(dir, 'tests/tcim'));
  assert.equal(env.TCIM_BASE_URL, undefined, 'the embedded emulator by default');

  const spec = join(dir, 'tests/tcim/example.spec.ts');
  writeFileSync(spec, readFileSync(spec, 'utf8').replace("'tcim-harness/test'", JSON.stringify(join(root, 'contracts/test.ts'))));
  const run = await cli(['contracts', '--grep', 'our onboarding'], { cwd: dir, timeoutMs: 200_000 });
  assert.equal(run.code, 0, run.out);
  assert.match(run.out, /\[specs:tcim\].*our onboarding/);
  assert.match(run.out, /contracts \(emulator, run [a-z0-9]+\): 3 passed, 0 failed/);
});
