/**
 * The vegeta binary: TCIM_VEGETA when set (it always wins), else the first present of the repository's
 * .tools/bin/vegeta (scripts/setup.sh) and the per-user cache that `tcim-harness setup` fills
 * (load/generate/vegeta-install.ts). A missing binary is a configuration error (exit 2) that names the fix.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.ts';
import { LoadConfigError } from '../plan/commands.ts';

/** The pinned load generator: `go install VEGETA_MODULE@VEGETA_VERSION` (the same pin as scripts/setup.sh). */
export const VEGETA_MODULE = 'github.com/tsenart/vegeta/v12';
export const VEGETA_VERSION = 'v12.13.0';

/** The repository's copy, installed by `npm run setup` (scripts/setup.sh) in a clone. */
export const DEFAULT_VEGETA = join(PACKAGE_ROOT, '.tools/bin/vegeta');

type Env = Record<string, string | undefined>;

/** Per-user cache folder of the pinned vegeta: $XDG_CACHE_HOME or ~/.cache, then tcim-harness/vegeta/<version>. */
export function vegetaCacheDir(env: Env = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'tcim-harness', 'vegeta', VEGETA_VERSION);
}

/** Where vegeta is looked for when TCIM_VEGETA is unset, in order. */
export function vegetaCandidates(env: Env = process.env): string[] {
  return [DEFAULT_VEGETA, join(vegetaCacheDir(env), 'vegeta')];
}

export class VegetaMissingError extends LoadConfigError {
  override name = 'VegetaMissingError';
}

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function resolveVegeta(env: Env = process.env): string {
  const fromEnv = env.TCIM_VEGETA;
  if (fromEnv && fromEnv !== '') {
    if (executable(fromEnv)) return fromEnv;
    throw new VegetaMissingError(`the load generator vegeta is not installed or not executable at TCIM_VEGETA=${fromEnv}: point TCIM_VEGETA at a vegeta binary, or unset it and run \`tcim-harness setup\` (builds vegeta ${VEGETA_VERSION} with Go)`);
  }
  const found = vegetaCandidates(env).find(executable);
  if (found) return found;
  throw new VegetaMissingError(`the load generator vegeta ${VEGETA_VERSION} is not installed (looked in ${vegetaCandidates(env).join(' and ')}): run \`tcim-harness setup\` (builds it once with Go into the per-user cache), or set TCIM_VEGETA to a vegeta binary`);
}

/**
 * Version of the vegeta binary: `vegeta -version` when it was built with version ldflags, else the
 * module version in the Go build info embedded in the binary (what `go install …@v12.13.0` gives).
 */
export function vegetaVersion(bin: string): string {
  const r = spawnSync(bin, ['-version'], { encoding: 'utf8', timeout: 5000 });
  const flagged = /^Version:[ \t]*(\S+)/m.exec(`${r.stdout ?? ''}`)?.[1];
  if (flagged) return flagged;
  try {
    const info = /mod\tgithub\.com\/tsenart\/vegeta\/v12\t(v[0-9][^\t\n]*)/.exec(readFileSync(bin).toString('latin1'));
    if (info?.[1]) return info[1];
  } catch {
    // unreadable binary: fall through
  }
  return 'unknown';
}

export interface AttackArgs {
  rate: number;
  seconds: number;
  output: string;
  maxWorkers: number;
  workers: number;
  timeoutMs: number;
}

export function attackArgs(a: AttackArgs): string[] {
  return [
    'attack',
    '-lazy',
    '-format=json',
    `-rate=${a.rate}/1s`,
    `-duration=${a.seconds}s`,
    `-workers=${a.workers}`,
    `-max-workers=${a.maxWorkers}`,
    `-timeout=${a.timeoutMs}ms`,
    '-redirects=-1',
    `-output=${a.output}`,
  ];
}

/** Workers: enough for the rate at 0.5 s mean latency, within [16, 2000]. */
export function workersFor(rate: number): { workers: number; maxWorkers: number } {
  const maxWorkers = Math.min(2000, Math.max(16, Math.ceil(rate * 0.5)));
  return { workers: Math.min(maxWorkers, Math.max(10, Math.ceil(rate / 50))), maxWorkers };
}
