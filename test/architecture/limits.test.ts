/**
 * No bare limit literals: a number that plays a limit's role is read from the rules (src/rules, data in
 * schemas/limits.json), never written out, so a limit changes in one place — as test/foundation/errors.test.ts
 * forbids bare error-code literals.
 *
 * The heuristic is deliberately narrow, so it only flags real offenders:
 * - values: those of the rules and numeric choices themselves — every rule's limit and limit + 1 (limit − 1 too
 *   for byte lengths, the "31 and 32 bytes" pair) and the choices' defaults (burst, page size);
 * - positions where such a number is a limit: the count of a generated list (`range(20, 1)`), a batch size
 *   (`chunks(x, 100)`, `i += 100`, `i + 100)`), the size of a built string (`nameOfBytes(run, 33, w)`), a list of
 *   boundary values (`[31, 32]`), a mark bit at the top or past it (`SetMark: [64]`), a comparison with a
 *   measured length (`utf8Length(name) > 32`), a cut to a byte limit (`.slice(0, 32)`) and a constant or property
 *   named after a limit (`DEFAULT_BURST = 20`, `maxGroupsPerUser: 21`);
 * - in the code of src, app, contracts, load, scripts and bench outside comments and plain strings; src/generated
 *   and src/rules (the definitions) are exempt.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { choices, COUNT_CHOICES, rules } from '../../src/rules/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['src', 'app', 'contracts', 'load', 'scripts', 'bench'];
const EXEMPT = [join('src', 'generated'), join('src', 'rules')];

/** Each limit value → the rules and choices it belongs to (for the message). */
const owners = new Map<number, string[]>();
const own = (n: number, name: string): void => void owners.set(n, [...(owners.get(n) ?? []), name]);
for (const r of Object.values(rules)) {
  for (const n of r.unit === 'bytes' ? [r.limit - 1, r.limit, r.over] : [r.limit, r.over]) own(n, `rules.${r.name}`);
}
// A count of 1 (the first GroupId) is every loop's step: only counts a literal could stand for are policed.
for (const name of COUNT_CHOICES) if (choices[name].default > 1) own(choices[name].default, `choices.${name}`);
const BYTE_VALUES = new Set(Object.values(rules).filter((r) => r.unit === 'bytes').flatMap((r) => [r.limit, r.over]));
const BIT_VALUES = new Set([rules.maxMarkBit.limit, rules.maxMarkBit.over]);

const numbers = (text: string): number[] => [...text.matchAll(/(?<![\w.])\d+(?![\w.])/g)].map((m) => Number(m[0]));
type Finder = { why: string; re: RegExp; values?: ReadonlySet<number> };

/** Positions where a number is a limit; the numbers of the first capture group are checked. */
const FINDERS: Finder[] = [
  { why: 'count of a generated list', re: /\brange\(\s*(\d+)\b/g },
  { why: 'batch size', re: /\bchunks\([^()]*,\s*(\d+)\s*\)/g },
  { why: 'batch step', re: /\+=\s*(\d+)\b|\+\s*(\d+)\s*\)/g },
  { why: 'size of a built string', re: /\b(?:nameOfBytes|textOfBytes|bytes|repeat)\(([^()]*)\)/g },
  { why: 'mark bit', re: /\b(?:SetMark|ClearMark)\s*:\s*\[([^\]]*)\]/g, values: BIT_VALUES },
  { why: 'comparison with a measured length', re: /(?:length|Length\([^()]*\)|\.size)\s*[<>]=?\s*(\d+)\b|\b(\d+)\s*[<>]=?\s*[\w.]*(?:length|Length\(|\.size)/g },
  { why: 'cut to a byte limit', re: /\.slice\(\s*0\s*,\s*(\d+)\s*\)/g, values: BYTE_VALUES },
  { why: 'constant named after a limit', re: /\b(?:perSecond|\w*(?:burst|batch|pagesize|page_size|limit(?!er)|max(?:groups|conversations|mark|search|groupname|newgroupname|custommark|userid|user_id|accounts|body))\w*)\s*[:=]\s*(\d+)\b/gi },
];

/** The offending literals of one line of code: "value (why; rules.x)". */
export function offendersIn(raw: string): string[] {
  if (/^\s*(\/\/|\*|\/\*)/.test(raw)) return [];
  // prose may name a limit ("up to 20 groups"): drop comments and plain string literals, as the error-code test does
  const line = raw.replace(/\/\/.*$/, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const out: string[] = [];
  for (const f of FINDERS) {
    for (const m of line.matchAll(f.re)) {
      for (const n of numbers(m.slice(1).filter(Boolean).join(','))) {
        if (owners.has(n) && (!f.values || f.values.has(n))) out.push(`${n} (${f.why}; ${owners.get(n)?.join(', ')})`);
      }
    }
  }
  // a list of boundary values, e.g. [31, 32]: every element a limit value
  for (const m of line.matchAll(/\[\s*(\d+(?:\s*,\s*\d+)+)\s*\]/g)) {
    const ns = numbers(m[1] ?? '');
    if (ns.every((n) => owners.has(n))) out.push(`${ns.join(', ')} (list of boundary values; ${owners.get(ns[0] as number)?.join(', ')})`);
  }
  return out;
}

test('the heuristic flags limits written out and leaves other numbers alone', () => {
  const flagged = ['for (const i of range(20, 1)) await ops.mustCreate(x);', "ops.create(groupName(runId, 'g21'), range(21))", 'const ok = [31, 32].map(f);', 'for (const b of chunks(peers, 100)) go(b);', 'for (let i = 0; i < n; i += 100) x(ids.slice(i, i + 100));', 'nameOfBytes(run.settings.runId, 33, width)', '{ OptType: 1, SetMark: [64] }', 'export const DEFAULT_BURST = 20;', "if (utf8Length(name) > 32) throw e;", '`tc-${id}`.slice(0, 32)', 'config: { limits: { maxGroupsPerUser: 21 } }', 'throttle: { perSecond: 200 }', 'const ALL_BITS = range(64);'];
  for (const line of flagged) assert.notDeepEqual(offendersIn(line), [], line);
  const fine = ['const now = Math.floor(Date.now() / 1000);', 'if (res.status !== 200) fail();', 'first.slice(0, 300)', 'const LIMITER_PAUSE_MS = 1000;', 'const TICKS_PER_SECOND = 100;', 'schemaEvery: 20,', "// up to 20 groups: range(20, 1)", "throw new Error('at most 32 bytes, [31, 32]');", 'SetMark: [3, 32]', 'const bits = [0, 1, 2, 3, 32, 47, 63];', 'range(groups.limit, 1)', 'chunks(peers, rules.maxMarkItems.limit)'];
  for (const line of fine) assert.deepEqual(offendersIn(line), [], line);
});

test('no bare limit literals in the code (read them from src/rules)', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (d.name === 'node_modules' ? [] : walk(join(dir, d.name))) : /\.(ts|js|mjs)$/.test(d.name) ? [join(dir, d.name)] : []));
  const offenders: string[] = [];
  for (const dir of DIRS) {
    let files: string[] = [];
    try {
      files = walk(join(root, dir));
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = file.slice(root.length);
      if (EXEMPT.some((e) => rel.startsWith(e))) continue;
      readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
        for (const o of offendersIn(raw)) offenders.push(`${rel}:${i + 1}: ${o}`);
      });
    }
  }
  assert.deepEqual(offenders, [], `read these limits from src/rules (rules.<name>.limit / .over, choices.<name>.default) instead of:\n${offenders.join('\n')}`);
});
