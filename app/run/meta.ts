/** Run metadata for the combined report: run id, target, versions. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolveVegeta, vegetaVersion } from '../../load/index.ts';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.ts';
import type { RunMeta } from '../report/types.ts';

/** A dependency's package.json is resolved like an import: npm may have hoisted it into the user's node_modules. */
const require = createRequire(import.meta.url);

function version(file: string): string {
  try {
    const path = file === 'package.json' ? join(PACKAGE_ROOT, file) : require.resolve(file);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function versions(): Record<string, string> {
  let vegeta: string;
  try {
    vegeta = vegetaVersion(resolveVegeta());
  } catch {
    vegeta = 'not installed';
  }
  return {
    'tcim-harness': version('package.json'),
    node: process.version,
    '@playwright/test': version('@playwright/test/package.json'),
    ajv: version('ajv/package.json'),
    vegeta,
  };
}

export function runMeta(runId: string, target: string, startedAt: Date): RunMeta {
  return { runId, target, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), versions: versions() };
}
