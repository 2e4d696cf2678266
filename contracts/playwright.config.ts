/**
 * Contract suites of tcim-harness. Projects: `setup` → `emulator` | `staging` → `teardown` (the
 * teardown project of setup). TCIM_BASE_URL unset: global setup starts the embedded emulator and the
 * `emulator` project runs; set: the `staging` project runs, only if TCIM_SDKAPPID is listed in
 * TCIM_ALLOWED_SDKAPPIDS (otherwise the process exits 2 before anything starts).
 */
import { basename, delimiter, join } from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { ConfigError } from '../src/client/config.ts';
import { redact } from '../src/core/redact.ts';
import { loadExpectations } from './expectations.ts';
import { CONTRACTS_ENV, checkTarget, ensureRunId, resolveRunSettings, targetKind, type RunSettings } from './support/env.ts';
import { batchProjects, readBatchPlan, type BatchPlan } from './support/batch.ts';

function bootstrap(): RunSettings {
  try {
    process.env[CONTRACTS_ENV.TARGET] = targetKind();
    ensureRunId();
    checkTarget();
    loadExpectations();
    return resolveRunSettings();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`tcim-harness contracts: ${redact(e.message)}`);
    process.exit(2);
  }
}

const settings = bootstrap();
const batch = ((): BatchPlan | undefined => {
  try {
    return settings.kind === 'emulator' ? readBatchPlan() : undefined;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`tcim-harness contracts: ${redact(e.message)}`);
    process.exit(2);
  }
})();

function userSpecProjects(): { name: string; testDir: string; testMatch: RegExp; dependencies: string[] }[] {
  const dirs = (process.env[CONTRACTS_ENV.SPECS] ?? '').split(delimiter).filter(Boolean);
  const taken = new Set<string>();
  return dirs.map((dir) => {
    let name = `specs:${basename(dir)}`;
    for (let n = 2; taken.has(name); n++) name = `specs:${basename(dir)}-${n}`;
    taken.add(name);
    return { name, testDir: dir, testMatch: /\.(spec|test)\.[cm]?[jt]s$/, dependencies: ['setup'] };
  });
}
// The suite runs as TypeScript from the repository and as compiled JavaScript from the package (dist/).
const EXT = import.meta.url.endsWith('.js') ? 'js' : 'ts';
const out = (name: string): string => join(settings.reportDir, name);

// A batch (the self-check) is read from results.json alone: no HTML, JUnit or coverage for hundreds of projects.
const reporter: ReporterDescription[] = batch
  ? [['dot'], ['json', { outputFile: out('results.json') }]]
  : [
  [process.env.CI ? 'dot' : 'list'],
  ['json', { outputFile: out('results.json') }],
  ['junit', { outputFile: out('junit.xml'), includeProjectInTestName: true }],
  ['html', { outputFolder: out('html'), open: 'never' }],
  [`./coverage-reporter.${EXT}`, { outputDir: settings.reportDir }],
];
const SETUP_FILE = new RegExp(`setup[\\\\/]run\\.setup\\.${EXT}$`);
const TEARDOWN_FILE = new RegExp(`setup[\\\\/]run\\.teardown\\.${EXT}$`);
const SPEC_FILES = new RegExp(`specs[\\\\/].*\\.spec\\.${EXT}$`);

export default defineConfig({
  testDir: '.',
  outputDir: out('test-results'),
  globalSetup: `./global-setup.${EXT}`,
  retries: 0,
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: settings.workers,
  timeout: 120_000,
  reporter,
  // No traces, videos or screenshots: API calls only, and traces would carry the signed URLs.
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  projects: batch
    ? batchProjects(batch, { setup: SETUP_FILE, teardown: TEARDOWN_FILE, specs: SPEC_FILES, setupGrep: 'run\\.setup\\.' })
    : [
    { name: 'setup', testMatch: SETUP_FILE, teardown: 'teardown' },
    { name: settings.kind, testMatch: SPEC_FILES, dependencies: ['setup'] },
    { name: 'teardown', testMatch: TEARDOWN_FILE },
    // A team's own specs (--specs DIR / `specs` in tcim.config): one project per folder, in the same run
    // (after setup, before teardown) and reports; Playwright transpiles their TypeScript itself.
    ...userSpecProjects(),
  ],
});
