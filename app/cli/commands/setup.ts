/**
 * `tcim-harness setup`: gets the tools a run needs beyond npm, once per machine — the pinned load
 * generator vegeta, built with Go into the per-user cache and verified — and says whether the
 * optional browser for the report check is there.
 */
import { existsSync } from 'node:fs';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { VEGETA_MODULE, VEGETA_VERSION, ensureVegeta, installVegeta, moduleVersion, vegetaCacheDir, vegetaVersion } from '../../../load/index.ts';
import { CHROMIUM } from '../../report/chromium.ts';

const help = `tcim-harness setup — install the load generator (vegeta ${VEGETA_VERSION}) on first use

Usage: tcim-harness setup [--force]

Looks for vegeta in TCIM_VEGETA (always wins), the repository's .tools/bin/vegeta and the per-user cache
(${vegetaCacheDir()}). When none is there it builds ${VEGETA_MODULE}@${VEGETA_VERSION} with
\`go install\` into the cache, checks the module version with \`go version -m\`, and later runs reuse it.
\`tcim-harness run\` does the same by itself when vegeta is missing. Chromium (TCIM_CHROMIUM, default
/usr/bin/chromium) is optional: without it the report's browser check is skipped with the reason.

Options:
  --force   rebuild the cached vegeta even when one is present

Exit codes: 0 ready, 2 something to install (Go, or a TCIM_VEGETA that does not exist).`;

export const setupCommand: CliCommand = {
  name: 'setup',
  summary: 'install the load generator (vegeta v12.13.0, built with Go) into the per-user cache',
  help,
  async run(argv) {
    const { values } = parseCliArgs({ args: argv, options: { force: { type: 'boolean', default: false } } });
    const log = (line: string): void => console.log(`[setup] ${line}`);
    const { path, installed } = values.force ? { path: installVegeta(process.env, log), installed: true } : ensureVegeta(process.env, log);
    if (!installed) {
      // A binary found, not built now: say which and what it is (go version -m when Go is there to ask).
      const v = moduleVersion(path);
      log(`vegeta ${v.ok ? v.version : vegetaVersion(path)} present at ${path}${v.ok && v.version !== VEGETA_VERSION ? ` (the pinned version is ${VEGETA_VERSION}; \`tcim-harness setup --force\` builds it)` : ''}`);
    }
    log(existsSync(CHROMIUM) ? `Chromium at ${CHROMIUM} (the report's browser check will run)` : `no Chromium at ${CHROMIUM}: optional; the report's browser check is skipped with a notice (install chromium or set TCIM_CHROMIUM)`);
    log('ready');
    return Exit.PASS;
  },
};
