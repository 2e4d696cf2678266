/**
 * A package-lock.json for the package test's empty project, so `npm install --offline` needs nothing
 * but the local npm cache. `npm ci` in the repository caches the dependency tarballs (keyed by
 * integrity) but not the registry's version lists, which a lock-less install of the tarball would
 * fetch; a lock naming each tarball and its integrity is what a team's committed lockfile is too.
 * The entries are the repository's own production tree (the package's dependencies, transitively).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  [k: string]: unknown;
}

export function offlineLock(repoRoot: string, tarball: string, project: { name: string; version: string }): object {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string>; license: string };
  const spec = `file:${basename(tarball)}`;
  const packages: Record<string, LockEntry> = {
    '': { name: project.name, version: project.version, devDependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dev: true,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev || entry.devOptional || !key.startsWith('node_modules/')) continue;
    packages[key] = { ...entry, dev: true };
  }
  return { name: project.name, version: project.version, lockfileVersion: 3, requires: true, packages };
}
