/**
 * The inventory of documented response fields, derived from the schemas (never a hand list): every
 * property of every `definitions.Response` of the six conversation-group commands (family
 * `contact-group`), top-level and inside items and objects, `$ref`s followed. A field added to a schema
 * later appears here, and the inventory test then demands a mutant for it.
 *
 * The envelope: the top-level fields every one of the six responses declares (ActionStatus, ErrorCode,
 * ErrorInfo, ErrorDisplay, RequestId) are one shared definition (schemas/common.json), read by one
 * validator and one set of matchers — they are listed once, as `envelope:<name>`, not once per command.
 * Their mutants corrupt them in the answers of all six commands.
 */
import { getRegistry, listCommands } from '../../../schema/index.ts';

/** The id of the envelope in field ids (`envelope:ErrorCode`). */
export const ENVELOPE = 'envelope';

/** JSON types a field can be declared with. */
export type JsonType = 'integer' | 'number' | 'string' | 'boolean' | 'array' | 'object';

/**
 * When a field must be present: `always` (the response's `required`), `on-success` (the command's
 * `x-required-on-success`), `required` (its object's `required`), `conditional` (required by an if/then of
 * its object, e.g. To_Account for Type 1), `optional` (none of these).
 */
export type Presence = 'always' | 'on-success' | 'required' | 'conditional' | 'optional';

export interface ResponseField {
  /** `<command>:<path>` (`get_contact_group:ContactItem[].Timestamp`) or `envelope:<name>`. */
  id: string;
  /** The command's short name (`get_contact_group`), or ENVELOPE. */
  command: string;
  /** The full names of the commands whose answers hold it (`recentcontact/get_contact_group`; all six for the envelope). */
  answeredBy: readonly string[];
  /** Property names from the response root; `[]` steps into the items of an array. */
  path: readonly string[];
  type: JsonType;
  presence: Presence;
}

/** What the inventory is derived from: the commands of the family and the raw schemas by `$id`. */
export interface SchemaSource {
  commands: readonly { name: string; command: string; schemaId: string; requiredOnSuccess: readonly string[] }[];
  raw: ReadonlyMap<string, Record<string, unknown>>;
}

type Schema = Record<string, any>;
/** A field as the walk finds it, before it is named. */
type Found = Pick<ResponseField, 'path' | 'type' | 'presence'>;

/** The six commands and the schemas as the registry loaded them (schemas/). */
export function registrySource(): SchemaSource {
  return { commands: listCommands().filter((c) => c.family === 'contact-group'), raw: getRegistry().raw };
}

/** `ContactItem`, `[]`, `Timestamp` → `ContactItem[].Timestamp`. */
export const pathText = (path: readonly string[]): string => path.reduce((s, seg) => (seg === '[]' ? `${s}[]` : s === '' ? seg : `${s}.${seg}`), '');

/** Follows `$ref`s (relative to the document they appear in) to the schema they name. */
function resolve(src: SchemaSource, schema: Schema, base: string): { schema: Schema; base: string } {
  let s = schema;
  let b = base;
  for (let hops = 0; typeof s.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${b}`);
    const url = new URL(s.$ref, b);
    const doc = url.href.split('#')[0] as string;
    let target: any = src.raw.get(doc);
    if (!target) throw new Error(`$ref ${s.$ref} from ${b}: no schema ${doc}`);
    for (const part of decodeURIComponent(url.hash.slice(1)).split('/').filter((x) => x !== '')) target = target?.[part];
    if (!target || typeof target !== 'object') throw new Error(`$ref ${s.$ref} from ${b} names nothing`);
    s = target as Schema;
    b = doc;
  }
  return { schema: s, base: b };
}

function typeOf(schema: Schema, where: string): JsonType {
  const t = schema.type ?? (schema.const !== undefined ? (Number.isInteger(schema.const) ? 'integer' : typeof schema.const) : undefined);
  if (['integer', 'number', 'string', 'boolean', 'array', 'object'].includes(t)) return t as JsonType;
  throw new Error(`response field ${where}: no single JSON type in its schema (${JSON.stringify(t)})`);
}

/** Names an if/then (also nested in else) of the object requires. */
function conditionallyRequired(schema: Schema | undefined, out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return out;
  for (const name of (schema.then?.required as string[] | undefined) ?? []) out.add(name);
  conditionallyRequired(schema.else, out);
  return out;
}

function nestedPresence(schema: Schema): (name: string) => Presence {
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  const conditional = conditionallyRequired(schema);
  return (name) => (required.has(name) ? 'required' : conditional.has(name) ? 'conditional' : 'optional');
}

function walkObject(src: SchemaSource, schema: Schema, base: string, prefix: string[], presence: (name: string) => Presence, skip: Set<string>, out: Found[]): void {
  for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    if (skip.has(name)) continue;
    const path = [...prefix, name];
    const r = resolve(src, prop, base);
    out.push({ path, type: typeOf(r.schema, pathText(path)), presence: presence(name) });
    descend(src, r.schema, r.base, path, out);
  }
}

function descend(src: SchemaSource, schema: Schema, base: string, path: string[], out: Found[]): void {
  if (schema.properties) walkObject(src, schema, base, path, nestedPresence(schema), new Set(), out);
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    const it = resolve(src, schema.items as Schema, base);
    if (it.schema.properties) walkObject(src, it.schema, it.base, [...path, '[]'], nestedPresence(it.schema), new Set(), out);
  }
}

/** Every documented response field of the family, the envelope once (see the header). */
export function responseFields(src: SchemaSource = registrySource()): ResponseField[] {
  const responses = src.commands.map((c) => {
    const doc = src.raw.get(c.schemaId);
    const response = (doc?.definitions as Schema | undefined)?.Response as Schema | undefined;
    if (!response) throw new Error(`${c.schemaId}: no definitions.Response`);
    return { c, response: resolve(src, response, c.schemaId) };
  });
  if (responses.length === 0) return [];
  const names = responses.map((r) => new Set(Object.keys((r.response.schema.properties ?? {}) as object)));
  const envelope = new Set([...(names[0] as Set<string>)].filter((n) => names.every((s) => s.has(n))));
  const fields: ResponseField[] = [];
  const first = responses[0] as (typeof responses)[number];
  const envOut: Found[] = [];
  const envRequired = new Set<string>((first.response.schema.required as string[] | undefined) ?? []);
  const only = { properties: Object.fromEntries(Object.entries(first.response.schema.properties as Schema).filter(([n]) => envelope.has(n))) };
  walkObject(src, only, first.response.base, [], (n) => (envRequired.has(n) ? 'always' : 'optional'), new Set(), envOut);
  for (const f of envOut) fields.push({ ...f, command: ENVELOPE, answeredBy: src.commands.map((c) => c.name), id: `${ENVELOPE}:${pathText(f.path)}` });
  for (const { c, response } of responses) {
    const required = new Set<string>((response.schema.required as string[] | undefined) ?? []);
    const onSuccess = new Set(c.requiredOnSuccess);
    const out: Found[] = [];
    walkObject(src, response.schema, response.base, [], (n) => (required.has(n) ? 'always' : onSuccess.has(n) ? 'on-success' : 'optional'), envelope, out);
    for (const f of out) fields.push({ ...f, command: c.command, answeredBy: [c.name], id: `${c.command}:${pathText(f.path)}` });
  }
  return fields;
}
