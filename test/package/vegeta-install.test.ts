/**
 * The load generator on first use (load/generate/vegeta-install.ts, `tcim-harness setup`): without Go
 * it is exit 2 saying what to install; with Go it builds the pinned vegeta into the per-user cache,
 * verifies the module version and the resolver then finds it there. The build runs offline from the
 * local Go module cache (GOPROXY=file://…), so the test needs no network.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { ensureVegeta, installVegeta, moduleVersion, VegetaMissingError, VEGETA_MODULE, VEGETA_VERSION, vegetaCacheDir, vegetaCandidates } from '../../load/index.ts';

const NO_GO_PATH = '/usr/bin:/bin';
const hasGo = spawnSync('go', ['version']).status === 0;
const goEnv = (name: string): string => (hasGo ? spawnSync('go', ['env', name], { encoding: 'utf8' }).stdout.trim() : '');
const modCache = goEnv('GOMODCACHE');
const cachedModule = modCache !== '' && existsSync(join(modCache, 'cache/download/github.com/tsenart/vegeta/v12/@v', `${VEGETA_VERSION}.zip`));

test('the cache folder is per user and per version: $XDG_CACHE_HOME or ~/.cache, then tcim-harness/vegeta/<version>', () => {
  assert.equal(vegetaCacheDir({ XDG_CACHE_HOME: '/x/cache' }), `/x/cache/tcim-harness/vegeta/${VEGETA_VERSION}`);
  assert.equal(vegetaCacheDir({ HOME: '/home/u' }), `/home/u/.cache/tcim-harness/vegeta/${VEGETA_VERSION}`);
  assert.deepEqual(vegetaCandidates({ XDG_CACHE_HOME: '/x/cache' }), [join(REPO_ROOT, '.tools/bin/vegeta'), `/x/cache/tcim-harness/vegeta/${VEGETA_VERSION}/vegeta`]);
});

test('TCIM_VEGETA naming a missing file is never replaced by a build', () => {
  assert.throws(() => ensureVegeta({ TCIM_VEGETA: '/nonexistent/vegeta', PATH: process.env.PATH }, () => {}), (e: unknown) => e instanceof VegetaMissingError && /TCIM_VEGETA=\/nonexistent\/vegeta/.test((e as Error).message));
});

test('without Go: a configuration error (exit 2 from the CLI) that says to install Go, no stack trace', () => {
  const cache = mkdtempSync(join(tmpdir(), 'tcim-vegeta-nogo-'));
  try {
    assert.throws(() => installVegeta({ PATH: NO_GO_PATH, XDG_CACHE_HOME: cache }, () => {}), (e: unknown) => e instanceof VegetaMissingError && /install Go/.test((e as Error).message));
    const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/tcim-harness.js'), 'setup', '--force'], { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: NO_GO_PATH, HOME: cache, XDG_CACHE_HOME: cache }, timeout: 60_000 });
    assert.equal(cli.status, 2, cli.stderr);
    assert.match(cli.stderr, /Go toolchain.*not on PATH.*install Go/);
    assert.doesNotMatch(cli.stderr, /\n\s+at .+:\d+:\d+/);
    assert.ok(!existsSync(join(cache, 'tcim-harness/vegeta', VEGETA_VERSION)), 'nothing half-built is left in the cache');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('with Go: builds the pinned vegeta into the cache, verifies the module version, and the resolver finds it', { timeout: 600_000, skip: !hasGo ? 'no Go toolchain on PATH' : !cachedModule ? `${VEGETA_MODULE}@${VEGETA_VERSION} is not in the local Go module cache (an offline build needs it; scripts/setup.sh puts it there)` : false }, () => {
  const cache = mkdtempSync(join(tmpdir(), 'tcim-vegeta-cache-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache, GOPROXY: `file://${modCache}/cache/download`, GOSUMDB: 'off', GOFLAGS: '-mod=mod' };
    delete env.TCIM_VEGETA;
    const lines: string[] = [];
    const bin = installVegeta(env, (l) => lines.push(l));
    assert.equal(bin, join(cache, 'tcim-harness/vegeta', VEGETA_VERSION, 'vegeta'));
    const v = moduleVersion(bin, env);
    assert.deepEqual(v, { ok: true, version: VEGETA_VERSION });
    assert.match(lines.join('\n'), new RegExp(`verified \\(go version -m: ${VEGETA_MODULE.replace(/\//g, '\\/')} ${VEGETA_VERSION.replace(/\./g, '\\.')}\\)`));
    assert.ok(vegetaCandidates(env).includes(bin), 'the cache is one of the places the resolver looks');
    assert.equal(spawnSync(bin, ['attack', '-h']).status !== null, true, 'the binary runs');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
