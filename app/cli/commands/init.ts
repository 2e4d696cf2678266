/** `tcim-harness init`: writes a commented config, CI jobs and an example spec into the working directory. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../../src/core/config-error.ts';
import { INIT_FILES, type InitFile } from '../../config/templates.ts';
import { CONFIG_NAMES } from '../../config/env-names.ts';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';

const help = `tcim-harness init — set tcim-harness up in your project

Usage: tcim-harness init [--dir DIR] [--force] [--no-ci]

Writes, into DIR (default: the working directory):
${INIT_FILES.map((f) => `  ${f.path.padEnd(36)} ${f.what}`).join('\n')}

An existing file is never overwritten unless --force is given; init then stops before writing anything
and names the files in the way. Afterwards: \`npx tcim-harness run\` (the embedded emulator needs no
account), then edit tcim.config.ts to point at your staging app.

Options:
  --dir DIR   the project folder to write into (default .)
  --force     overwrite files that exist
  --no-ci     skip the GitHub Actions and GitLab CI files

Examples:
  npx tcim-harness init
  npx tcim-harness init --no-ci
  npx tcim-harness init --dir ../my-backend --force`;

/**
 * A TypeScript config is loaded with tsx; where tsx cannot be found (a project without it), the same
 * text — it has no type annotations — is written as tcim.config.mjs, which plain node loads.
 */
function configFlavour(f: InitFile): InitFile {
  if (f.path !== 'tcim.config.ts') return f;
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return f;
  } catch {
    return { ...f, path: 'tcim.config.mjs', what: `${f.what}; JavaScript, as tsx is not installed (npm i -D tsx, then rename it to .ts)` };
  }
}

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'write tcim.config.ts, CI jobs (GitHub Actions, GitLab CI) and an example spec into your project',
  help,
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      options: { dir: { type: 'string' }, force: { type: 'boolean', default: false }, 'no-ci': { type: 'boolean', default: false } },
    });
    if (positionals.length) throw new ConfigError(`unexpected argument "${positionals[0]}" (init takes options only; --dir DIR picks the folder)`);
    const dir = resolve(values.dir ?? '.');
    if (!existsSync(dir)) throw new ConfigError(`--dir ${dir} does not exist`);
    const files = INIT_FILES.filter((f) => !(values['no-ci'] && /^\.git(hub|lab)/.test(f.path))).map(configFlavour);
    // Any config file counts as in the way: two of them would leave it unclear which one is read.
    const present = files.filter((f) => existsSync(join(dir, f.path)) || (f.path.startsWith('tcim.config.') && CONFIG_NAMES.some((n) => existsSync(join(dir, n)))));
    if (present.length && !values.force) {
      throw new ConfigError(`not overwriting ${present.map((f) => f.path).join(', ')} in ${dir}: they exist. Nothing was written; give --force to replace them`);
    }
    const shown = (p: string): string => relative(process.cwd(), join(dir, p)) || p;
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
      console.log(`${present.includes(f) ? 'replaced' : 'wrote'}  ${shown(f.path).padEnd(40)} ${f.what}`);
    }
    console.log(
      [
        '',
        'Next:',
        '  npx tcim-harness run                       contracts + load check + reports/index.html, against the embedded emulator',
        '  npx tcim-harness contracts --specs tests/tcim   only the contract suites, with your specs',
        '  edit tcim.config.ts (target, allowedSdkAppIds) and export TCIM_SECRET_KEY to test a staging app',
      ].join('\n'),
    );
    return 0;
  },
};
