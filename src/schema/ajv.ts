/** One configured ajv instance: draft-07, all errors, byte keywords, annotation keywords of the project. */
import { readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';
import { byteKeywords } from './keywords/bytes.ts';

// ajv is CommonJS: under tsx/Node ESM the default import may be the module object or the class itself.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
export type AjvInstance = InstanceType<typeof Ajv>;

/** Annotation keywords the schemas carry for tooling; they never validate anything. */
export const ANNOTATION_KEYWORDS = ['x-command', 'x-required-on-success', 'x-choice'];

export function createAjv(): AjvInstance {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const k of byteKeywords) ajv.addKeyword(k);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['object', 'array', 'string'] });
  return ajv;
}

/**
 * The process's one ajv for the project's own data files (rule and error tables, emulator config, load
 * summary and history): every process checks them on start, and an ajv instance compiles its meta-schema
 * first, so one instance serves them all. The schema registry keeps an instance of its own (its schemas
 * carry $ids that a reload would add twice).
 */
let shared: AjvInstance | undefined;
export const sharedAjv = (): AjvInstance => (shared ??= createAjv());

const byFile = new Map<string, ValidateFunction>();
/** The validator of the JSON Schema in `file`, compiled once per process on the shared instance. */
export function fileValidator(file: string): ValidateFunction {
  let v = byFile.get(file);
  if (!v) byFile.set(file, (v = sharedAjv().compile(JSON.parse(readFileSync(file, 'utf8')) as object)));
  return v;
}
