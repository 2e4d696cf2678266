/** Run metadata for the combined report: run id, target, versions. */
import { readFileSync } from 'node:fs';
import { resolveVegeta, vegetaVersion } from '../../load/index.ts';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths.ts';
import type { RunMeta } from '../report/types.ts';

function version(file: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as { version: string }).version;
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
    '@playwright/test': version('node_modules/@playwright/test/package.json'),
    ajv: version('node_modules/ajv/package.json'),
    vegeta,
  };
}

export function runMeta(runId: string, target: string, startedAt: Date): RunMeta {
  return { runId, target, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), versions: versions() };
}
