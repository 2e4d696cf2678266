/**
 * The vegeta binary: TCIM_VEGETA, else .tools/bin/vegeta (installed by `npm run setup`). A missing
 * binary is a configuration error (exit 2) that names `npm run setup`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LoadConfigError } from '../plan/commands.ts';

export const DEFAULT_VEGETA = fileURLToPath(new URL('../../.tools/bin/vegeta', import.meta.url));

export class VegetaMissingError extends LoadConfigError {
  override name = 'VegetaMissingError';
}

type Env = Record<string, string | undefined>;

export function resolveVegeta(env: Env = process.env): string {
  const fromEnv = env.TCIM_VEGETA;
  const path = fromEnv && fromEnv !== '' ? fromEnv : DEFAULT_VEGETA;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    const where = fromEnv ? `TCIM_VEGETA=${fromEnv}` : DEFAULT_VEGETA;
    throw new VegetaMissingError(`the load generator vegeta is not installed or not executable at ${where}: run \`npm run setup\` (installs vegeta v12.13.0 into .tools/bin), or set TCIM_VEGETA to a vegeta binary`);
  }
  return path;
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
