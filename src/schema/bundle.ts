/**
 * Bundles every schema into one self-contained document whose refs all point at `#/definitions/…`
 * (or another prefix): the input of the type generator and of the OpenAPI export.
 */
import { getRegistry } from './validate.ts';
import { SCHEMA_BASE_ID } from './registry.ts';

export interface Bundle {
  /** name -> schema; common definitions keep their name, commands become `<Title>Request` / `<Title>Response`. */
  definitions: Record<string, unknown>;
  commands: { name: string; title: string; request: string; response: string; doc: string }[];
}

const COMMON_ID = `${SCHEMA_BASE_ID}common.json`;

function rewriteRefs(node: unknown, fromId: string, prefix: string, title: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, fromId, prefix, title));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      const abs = new URL(v, fromId).toString();
      const [file, pointer = ''] = abs.split('#');
      const m = /^\/definitions\/(.+)$/.exec(pointer);
      if (!m) throw new Error(`cannot bundle $ref ${v} in ${fromId}`);
      out[k] = file === COMMON_ID ? `${prefix}${m[1]}` : `${prefix}${title}${m[1]}`;
    } else {
      out[k] = rewriteRefs(v, fromId, prefix, title);
    }
  }
  return out;
}

function strip(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, $schema: _s, ...rest } = schema;
  return rest;
}

export function bundleSchemas(prefix = '#/definitions/'): Bundle {
  const reg = getRegistry();
  const definitions: Record<string, unknown> = {};
  const common = reg.raw.get(COMMON_ID) as { definitions: Record<string, unknown> };
  for (const [name, def] of Object.entries(common.definitions)) definitions[name] = rewriteRefs(def, COMMON_ID, prefix, '');
  const commands: Bundle['commands'] = [];
  for (const info of reg.commands.values()) {
    const schema = strip(reg.raw.get(info.schemaId) as Record<string, unknown>);
    const defs = schema.definitions as Record<string, unknown>;
    for (const [name, def] of Object.entries(defs)) {
      definitions[`${info.title}${name}`] = rewriteRefs(def, info.schemaId, prefix, info.title);
    }
    commands.push({ name: info.name, title: info.title, request: `${info.title}Request`, response: `${info.title}Response`, doc: info.doc });
  }
  return { definitions, commands };
}
