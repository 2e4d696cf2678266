/**
 * The mechanical corruptions of the generated family, on a parsed answer: leave a field out, or give it
 * another JSON type — at every place its path reaches (every item of every array on the way). And the
 * observation their probes make: the JSON types found at that path.
 */
import type { JsonType } from './inventory.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Calls `fn` with every object that holds the field at `path` (the objects its parent path reaches). */
export function forEachHolder(body: unknown, path: readonly string[], fn: (holder: Obj, key: string) => void): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === '[]') {
    if (Array.isArray(body)) for (const item of body) forEachHolder(item, rest, fn);
    return;
  }
  if (!isObj(body)) return;
  if (rest.length === 0) fn(body, head);
  else if (head in body) forEachHolder(body[head], rest, fn);
}

/** The JSON type of a value as the probes report it (`absent` for undefined). */
export function jsonTypeOf(v: unknown): string {
  if (v === undefined) return 'absent';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The JSON type a mistyped field of `type` gets (what `wrongTypeValue` returns). */
export function mistypedAs(type: JsonType): string {
  return { integer: 'string', number: 'string', boolean: 'string', string: 'integer', array: 'object', object: 'array' }[type];
}

/**
 * A value of the wrong JSON type for a field declared `type`, made from its value where there is one, the
 * way a sloppy serializer would: a number as its decimal string, a digit string as a number (any other
 * string as its length), an array as an object keyed by index, an object wrapped in an array.
 */
export function wrongTypeValue(type: JsonType, value: unknown): unknown {
  switch (type) {
    case 'integer':
    case 'number':
    case 'boolean':
      return value === undefined ? '0' : String(value);
    case 'string':
      return typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : typeof value === 'string' ? value.length : 0;
    case 'array':
      return Object.fromEntries((Array.isArray(value) ? value : []).entries());
    case 'object':
      return [value ?? {}];
  }
}

/** A copy of `body` without the field at `path`. */
export function dropAt<T>(body: T, path: readonly string[]): T {
  const out = structuredClone(body);
  forEachHolder(out, path, (holder, key) => {
    delete holder[key];
  });
  return out;
}

/** A copy of `body` with the field at `path` of the wrong JSON type at every holder (present or not). */
export function mistypeAt<T>(body: T, path: readonly string[], type: JsonType): T {
  const out = structuredClone(body);
  forEachHolder(out, path, (holder, key) => {
    holder[key] = wrongTypeValue(type, holder[key]);
  });
  return out;
}

/** The distinct JSON types of the field at `path` where it is present, sorted (`number` for an integer of a `number` field). */
export function typesAt(body: unknown, path: readonly string[], declared: JsonType): string[] {
  const found = new Set<string>();
  forEachHolder(body, path, (holder, key) => {
    if (!(key in holder)) return;
    const t = jsonTypeOf(holder[key]);
    found.add(declared === 'number' && t === 'integer' ? 'number' : t);
  });
  return [...found].sort();
}
