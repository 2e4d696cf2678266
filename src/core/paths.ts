/**
 * Where things live on disk. Two places, never mixed up:
 * - the harness's own files (code, schemas, specs): next to this module, found from import.meta.url —
 *   the repository when it runs from source (tsx), `<package>/dist` when it runs compiled from npm;
 * - everything a run writes (reports/, the contract ledger): the user's project, i.e. the current
 *   working directory (from a clone that is the repository root, as before).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** True when this module is compiled JavaScript (dist/), false when tsx runs the TypeScript source. */
export const COMPILED = import.meta.url.endsWith('.js');

/** The folder holding app/, src/, contracts/, load/, bin/ and schemas/: the repository, or `<package>/dist`. */
export const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The folder holding package.json: the repository, or the installed package (dist/'s parent). */
export const PACKAGE_ROOT = fileURLToPath(new URL(COMPILED ? '../../../' : '../../', import.meta.url));

/** Kept for the repository's own scripts and tests: the package root (the repository from a clone). */
export const REPO_ROOT = PACKAGE_ROOT;

/** Extension of the harness's own modules as they are on disk now ('.ts' from source, '.js' compiled). */
export const CODE_EXT = COMPILED ? '.js' : '.ts';

/**
 * A module of the harness named by its source path ('src/emulator/variants/catalogue.ts'), as a file
 * that exists in this mode: the .ts from source, the compiled .js under dist/.
 */
export function codeFile(sourcePath: string): string {
  return join(CODE_ROOT, COMPILED ? sourcePath.replace(/\.ts$/, '.js') : sourcePath);
}

/**
 * Node arguments a child process needs to run a module of the harness: from source the children load
 * the TypeScript through tsx (as the tests and the clone always have); compiled, plain node.
 */
export const NODE_CODE_ARGS: readonly string[] = COMPILED ? [] : ['--import', 'tsx'];

/** The user's project: where a run writes (reports/, the ledger) — the current working directory. */
export function projectDir(): string {
  return process.cwd();
}
