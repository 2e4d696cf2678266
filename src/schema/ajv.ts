/** One configured ajv instance: draft-07, all errors, byte keywords, annotation keywords of the project. */
import AjvModule from 'ajv';
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
