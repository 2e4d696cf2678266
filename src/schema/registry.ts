/** Loads every schema under schemas/ once and compiles validators on demand. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { createAjv, type AjvInstance } from './ajv.ts';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
export const SCHEMA_BASE_ID = 'https://tcim-harness.local/schemas/';

export interface CommandInfo {
  /** `service/command`, e.g. `recentcontact/mark_contact` */
  name: string;
  service: string;
  command: string;
  title: string;
  doc: string;
  rateLimitPerSecond: number;
  family: 'contact-group' | 'setup';
  requiredOnSuccess: string[];
  schemaId: string;
  file: string;
}

export class SchemaError extends Error {
  override name = 'SchemaError';
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new SchemaError(`schema file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function listJson(dir: string): string[] {
  // sorted: directory order differs between file systems, and generated files must not
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) =>
    d.isDirectory() ? listJson(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : [],
  );
}

export interface Registry {
  ajv: AjvInstance;
  commands: Map<string, CommandInfo>;
  raw: Map<string, Record<string, unknown>>;
  validator(schemaRef: string): ValidateFunction;
}

export function loadRegistry(dir = SCHEMA_DIR): Registry {
  const ajv = createAjv();
  const raw = new Map<string, Record<string, unknown>>();
  const commands = new Map<string, CommandInfo>();
  const files = [join(dir, 'common.json'), ...listJson(join(dir, 'commands'))];
  for (const file of files) {
    const schema = readJson(file);
    const id = schema.$id;
    const expected = SCHEMA_BASE_ID + relative(dir, file).split('\\').join('/');
    if (id !== expected) throw new SchemaError(`schema ${file}: $id must be ${expected}, found ${String(id)}`);
    try {
      ajv.addSchema(schema);
    } catch (e) {
      throw new SchemaError(`schema ${file} is not a valid JSON Schema: ${(e as Error).message}`);
    }
    raw.set(id, schema);
    const x = schema['x-command'] as Record<string, unknown> | undefined;
    if (!file.includes(`${join(dir, 'commands')}`)) continue;
    // the documented call frequency is part of each command's definition: no default stands in for it
    if (!x || typeof x.service !== 'string' || typeof x.command !== 'string' || typeof x.doc !== 'string' || typeof x.rateLimitPerSecond !== 'number') {
      throw new SchemaError(`schema ${file}: "x-command" with service, command, doc and rateLimitPerSecond is required`);
    }
    const defs = schema.definitions as Record<string, unknown> | undefined;
    if (!defs?.Request || !defs?.Response) throw new SchemaError(`schema ${file}: definitions.Request and definitions.Response are required`);
    const name = `${x.service}/${x.command}`;
    const response = defs.Response as Record<string, unknown>;
    commands.set(name, {
      name,
      service: x.service,
      command: x.command,
      title: String(schema.title ?? name),
      doc: x.doc,
      rateLimitPerSecond: x.rateLimitPerSecond,
      family: x.family === 'setup' ? 'setup' : 'contact-group',
      requiredOnSuccess: ((response['x-required-on-success'] ?? schema['x-required-on-success']) as string[] | undefined) ?? [],
      schemaId: id,
      file,
    });
  }
  const cache = new Map<string, ValidateFunction>();
  const validator = (ref: string): ValidateFunction => {
    const cached = cache.get(ref);
    if (cached) return cached;
    const got = ajv.getSchema(ref);
    if (!got) throw new SchemaError(`no schema at ${ref}`);
    cache.set(ref, got);
    return got;
  };
  return { ajv, commands, raw, validator };
}
