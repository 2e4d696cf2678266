/**
 * The load generator on first use: builds the pinned vegeta with `go install` into the per-user cache
 * (vegetaCacheDir), checks the module version the binary carries (`go version -m`), and reuses it on
 * every later run. Without Go it is a configuration error (exit 2) that says what to install.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { VEGETA_MODULE, VEGETA_VERSION, VegetaMissingError, resolveVegeta, vegetaCacheDir } from './vegeta.ts';

type Env = Record<string, string | undefined>;

/** Bounded: a cold module download and build takes about a minute; ten is a hung proxy, not a slow one. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

const NO_GO = `the load generator vegeta ${VEGETA_VERSION} is missing and the Go toolchain (go >= 1.22, https://go.dev/dl/) is not on PATH to build it: install Go and run \`tcim-harness setup\`, or set TCIM_VEGETA to a vegeta binary you have`;

/** The module path and version `go version -m` reports for a binary, or an explanation of why not. */
export function moduleVersion(bin: string, env: Env = process.env): { ok: true; version: string } | { ok: false; why: string } {
  const r = spawnSync('go', ['version', '-m', bin], { encoding: 'utf8', env: env as NodeJS.ProcessEnv, timeout: 30_000 });
  if (r.error || r.status !== 0) return { ok: false, why: `go version -m failed: ${(r.error?.message ?? r.stderr ?? '').trim()}` };
  const line = /^\s*mod\s+(\S+)\s+(v\S+)/m.exec(r.stdout);
  if (!line || line[1] !== VEGETA_MODULE) return { ok: false, why: `${bin} is not a build of ${VEGETA_MODULE}` };
  return { ok: true, version: line[2] as string };
}

/**
 * Builds vegeta into a fresh folder next to the cache and moves it in only once the version checks
 * out, so a failed or interrupted build never leaves a binary the resolver would pick up.
 */
export function installVegeta(env: Env = process.env, log: (line: string) => void = console.log): string {
  const go = spawnSync('go', ['version'], { encoding: 'utf8', env: env as NodeJS.ProcessEnv, timeout: 30_000 });
  if (go.error || go.status !== 0) throw new VegetaMissingError(NO_GO);
  const dir = vegetaCacheDir(env);
  const parent = join(dir, '..');
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, '.build-'));
  try {
    log(`building vegeta ${VEGETA_VERSION} with ${go.stdout.trim()} into ${dir} (once; later runs reuse it)`);
    const r = spawnSync('go', ['install', '-trimpath', '-ldflags=-s -w', `${VEGETA_MODULE}@${VEGETA_VERSION}`], {
      encoding: 'utf8',
      env: { ...(env as NodeJS.ProcessEnv), GOBIN: staging, CGO_ENABLED: '0', GOFLAGS: [env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' ') },
      timeout: INSTALL_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.error || r.status !== 0) throw new VegetaMissingError(`go install ${VEGETA_MODULE}@${VEGETA_VERSION} failed: ${(r.error?.message ?? r.stderr ?? '').trim().slice(-800)}; set TCIM_VEGETA to a vegeta binary you have, or fix the Go setup (module proxy, GOPROXY) and run \`tcim-harness setup\` again`);
    const bin = join(staging, 'vegeta');
    const v = moduleVersion(bin, env);
    if (!v.ok) throw new VegetaMissingError(`the vegeta just built cannot be verified: ${v.why}`);
    if (v.version !== VEGETA_VERSION) throw new VegetaMissingError(`go install built ${VEGETA_MODULE} ${v.version}, not the pinned ${VEGETA_VERSION}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    log(`vegeta ${VEGETA_VERSION} verified (go version -m: ${VEGETA_MODULE} ${v.version}) at ${join(dir, 'vegeta')}`);
    return join(dir, 'vegeta');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The vegeta a run uses: the resolver's answer when there is one (TCIM_VEGETA, .tools/bin, the cache);
 * else, unless TCIM_VEGETA names a missing file (the user's explicit choice is never replaced), the
 * pinned build made now.
 */
export function ensureVegeta(env: Env = process.env, log: (line: string) => void = console.log): { path: string; installed: boolean } {
  try {
    return { path: resolveVegeta(env), installed: false };
  } catch (e) {
    if (!(e instanceof VegetaMissingError) || (env.TCIM_VEGETA && env.TCIM_VEGETA !== '')) throw e;
  }
  log(`the load generator vegeta ${VEGETA_VERSION} is not installed yet: building it now with go install (tcim-harness setup does the same ahead of time)`);
  return { path: installVegeta(env, log), installed: true };
}
