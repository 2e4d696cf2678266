/**
 * Done-when test of issue 12: tcim-harness as a team installs it. Packs this repository (`npm pack`,
 * which builds dist/ through `prepack`), installs the tarball into an empty project offline from the
 * local npm cache, lets `tcim-harness init` write the config and example spec, adds one spec of the
 * team's own through `tcim-harness/test`, runs `tcim-harness run --profiles smoke` with plain node and
 * finds exit 0 and the team's spec in reports/index.html; then a config with a bad field is exit 2
 * naming the field. One pack, one install, one run: it is the slowest test, kept to what proves it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { resolveVegeta } from '../../load/index.ts';
import { offlineLock } from './offline-lock.ts';

interface Ran {
  code: number | null;
  out: string;
}

/** Bounded child run, output collected (stdout and stderr together, in order). */
function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => done({ code, out }));
  });
}

/** The user's environment: no TCIM_* of the developer's shell (the run targets the embedded emulator). */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_') && !k.startsWith('npm_')));
  env.CI = '1';
  // The pinned vegeta this machine already has (the repository's .tools/bin or the per-user cache): the
  // first-use build is covered by vegeta-install.test.ts and would make this test a minute slower.
  try {
    env.TCIM_VEGETA = resolveVegeta();
  } catch {
    // None yet: the run builds it into the per-user cache (as `tcim-harness setup` does), offline from
    // the local Go module cache like vegeta-install.test.ts.
    const modCache = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout?.trim();
    if (modCache) Object.assign(env, { GOPROXY: `file://${modCache}/cache/download`, GOSUMDB: 'off', GOFLAGS: '-mod=mod' });
  }
  return env;
}

function findSpecs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name === 'reports' || d.name.startsWith('.')) return [];
    const path = join(dir, d.name);
    return d.isDirectory() ? findSpecs(path) : /\.spec\.ts$/.test(d.name) ? [path] : [];
  });
}

const TEAM_TITLE = 'team flow: an onboarding group is created for a fresh user';
const TEAM_SPEC = `import { test, expect, spec, CMD, ErrorCodes, freshOwner, groupName } from 'tcim-harness/test';

test('${TEAM_TITLE}', spec({ covers: [[ErrorCodes.OK, CMD.create]] }), async ({ im, accounts, run }) => {
  const ops = await freshOwner(im, accounts);
  expect(await ops.create(groupName(run.settings.runId, 'onboard'))).toBeImOk();
});
`;

test('packed tarball in an empty project: init, a team spec, run → exit 0 and the spec in the report; a bad config field → exit 2', { timeout: 900_000 }, async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'tcim-package-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const env = userEnv();

  const pack = await sh('npm', ['pack', '--json', '--pack-destination', tmp], REPO_ROOT, env, 300_000);
  assert.equal(pack.code, 0, `npm pack failed:\n${pack.out.slice(-3000)}`);
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, `npm pack wrote no tarball:\n${pack.out.slice(-2000)}`);

  const project = join(tmp, 'project');
  mkdirSync(project);
  const me = { name: 'team-backend', version: '1.0.0' };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ ...me, private: true, type: 'module', devDependencies: { 'tcim-harness': `file:${tarball}` } }, null, 2)}\n`);
  renameSync(join(tmp, tarball), join(project, tarball));
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(offlineLock(REPO_ROOT, join(project, tarball), me), null, 2)}\n`);
  const install = await sh('npm', ['install', '--offline', '--no-audit', '--no-fund'], project, env, 300_000);
  assert.equal(install.code, 0, `npm install --offline of the tarball failed (all dependencies must be in the npm cache: run npm ci in the repository first):\n${install.out.slice(-3000)}`);
  const installed = join(project, 'node_modules/tcim-harness');
  assert.ok(existsSync(join(installed, 'dist/bin/tcim-harness.js')), 'the package ships dist/bin/tcim-harness.js');
  assert.ok(!existsSync(join(installed, 'src')) && !existsSync(join(installed, 'test')), 'the package ships dist/ only, not the sources or tests');

  const npx = (args: string[], timeoutMs: number): Promise<Ran> => sh('npx', ['--no-install', 'tcim-harness', ...args], project, env, timeoutMs);

  const init = await npx(['init'], 60_000);
  assert.equal(init.code, 0, `tcim-harness init failed:\n${init.out}`);
  const specs = findSpecs(project);
  assert.ok(specs.length > 0, `init wrote no example spec (*.spec.ts):\n${init.out}`);
  writeFileSync(join(dirname(specs[0] as string), 'team-flow.spec.ts'), TEAM_SPEC);

  const run = await npx(['run', '--profiles', 'smoke'], 600_000);
  assert.equal(run.code, 0, `tcim-harness run failed:\n${run.out.slice(-6000)}`);
  const index = join(project, 'reports/index.html');
  assert.ok(existsSync(index), `the run wrote no reports/index.html in the project:\n${run.out.slice(-2000)}`);
  assert.ok(!existsSync(join(installed, 'reports')), 'nothing is written into node_modules');

  // A field of the wrong type and one the config does not have: exit 2 before anything runs, each named.
  writeFileSync(join(project, 'bad.config.json'), `${JSON.stringify({ rateBudget: 'fast', reportDirectory: 'out' }, null, 2)}\n`);
  const bad = await npx(['run', '--config', 'bad.config.json'], 60_000);
  assert.equal(bad.code, 2, `a bad config field is exit 2:\n${bad.out}`);
  assert.match(bad.out, /rateBudget/, 'the error names the field with the bad value');
  assert.match(bad.out, /reportDirectory/, 'the error names the unknown field');
  assert.doesNotMatch(bad.out, /\n\s+at .+:\d+:\d+/, 'no stack trace');

  // Last, so the checks above report on their own when the combined report is what falls short.
  assert.ok(readFileSync(index, 'utf8').includes(TEAM_TITLE), `the team spec "${TEAM_TITLE}" is in reports/index.html`);
});
