/**
 * The layer rule, checked. Every folder that starts a layer or a part of one holds a `DEPS.list` (after
 * Playwright's runner): the modules its files may import besides their own folder tree. A file obeys the
 * nearest DEPS.list at or above its folder. An entry is a repository-relative folder (any module below
 * it) or a file (that module only: a public entry such as `load/index.ts`); `#` starts a comment. Only
 * the project's own modules are judged (relative specifiers); packages and `node:` built-ins are not.
 *
 * `npm run deps` prints every import that breaks a rule, naming the file, the import and the rule, and
 * exits 1; the architecture test runs the same check.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../src/core/paths.ts';

/** Top-level folders of code the rule covers. */
export const CODE_ROOTS = ['src', 'app', 'contracts', 'load', 'test', 'bench', 'scripts', 'bin'];

export interface DepsRule {
  /** Folder of the DEPS.list, repository-relative with `/`. */
  folder: string;
  /** Allowed entries: folders (with a trailing `/`) and files. */
  allow: string[];
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  target: string;
  rule: string;
}

const posix = (p: string): string => p.split(sep).join('/');

export function readRule(root: string, folder: string): DepsRule | undefined {
  const file = join(root, folder, 'DEPS.list');
  if (!existsSync(file)) return undefined;
  const allow = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((entry) => {
      const abs = join(root, entry);
      if (!existsSync(abs)) throw new Error(`${folder}/DEPS.list: "${entry}" does not exist`);
      return statSync(abs).isDirectory() ? `${entry.replace(/\/$/, '')}/` : entry;
    });
  return { folder, allow };
}

function listCode(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return d.name === 'node_modules' || d.name.startsWith('.') ? [] : listCode(root, rel);
    return /\.(ts|js|mjs)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The nearest rule at or above `folder`, or undefined when none is written (itself a violation). */
function ruleFor(root: string, folder: string, cache: Map<string, DepsRule | undefined>): DepsRule | undefined {
  for (let f = folder; f && f !== '.'; f = posix(dirname(f))) {
    if (!cache.has(f)) cache.set(f, readRule(root, f));
    const r = cache.get(f);
    if (r) return r;
  }
  return undefined;
}

const inside = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

/** Every import of the project's code that its rule does not allow. */
export function checkDeps(root = REPO_ROOT, roots = CODE_ROOTS): Violation[] {
  const cache = new Map<string, DepsRule | undefined>();
  const out: Violation[] = [];
  for (const file of roots.flatMap((r) => listCode(root, r))) {
    const folder = posix(dirname(file));
    const rule = ruleFor(root, folder, cache);
    const text = readFileSync(join(root, file), 'utf8');
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = posix(relative(root, resolve(root, folder, ref.fileName)));
      const line = text.slice(0, ref.pos).split('\n').length;
      if (!rule) {
        out.push({ file, line, specifier: ref.fileName, target, rule: `no DEPS.list in ${folder} or above says what it may import` });
        continue;
      }
      if (inside(target, rule.folder)) continue;
      if (rule.allow.some((a) => (a.endsWith('/') ? target.startsWith(a) : target === a))) continue;
      out.push({ file, line, specifier: ref.fileName, target, rule: `${rule.folder}/DEPS.list allows ${rule.allow.join(', ') || 'nothing outside its folder'}` });
    }
  }
  return out;
}

export const formatViolation = (v: Violation): string => `${v.file}:${v.line}: import '${v.specifier}' (${v.target}) breaks the rule: ${v.rule}`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, 'scripts/deps.ts')) {
  const found = checkDeps();
  for (const v of found) console.error(formatViolation(v));
  console.log(found.length === 0 ? 'deps: every import follows its DEPS.list' : `deps: ${found.length} import(s) break the layer rule`);
  process.exit(found.length === 0 ? 0 : 1);
}
