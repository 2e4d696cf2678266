/**
 * Request paths of the rule table: JSON-pointer-like, `*` standing for every item of an array
 * (`/MarkItem/*\/CustomMark`). The emulator finds the limited values with them, and they match the
 * instance paths of the schema's own errors at the same place (which the emulator's check replaces).
 */

export interface Found {
  /** The concrete path, e.g. `/MarkItem/3/CustomMark`. */
  at: string;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value at `path` in `body`; parts that do not exist (or are not the expected container) yield nothing. */
export function valuesAt(body: unknown, path: string): Found[] {
  let found: Found[] = [{ at: '', value: body }];
  for (const part of path.split('/').filter(Boolean)) {
    found = found.flatMap(({ at, value }) => {
      if (part === '*') return Array.isArray(value) ? value.map((v, i) => ({ at: `${at}/${i}`, value: v })) : [];
      return isObject(value) && part in value ? [{ at: `${at}/${part}`, value: value[part] }] : [];
    });
  }
  return found;
}

/** The instance paths `path` stands for: `/MarkItem/*\/CustomMark` → /^\/MarkItem\/\d+\/CustomMark$/. */
export function pathPattern(path: string): RegExp {
  const parts = path.split('/').filter(Boolean).map((p) => (p === '*' ? '\\d+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^/${parts.join('/')}$`);
}
