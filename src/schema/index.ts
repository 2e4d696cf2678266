export { createAjv } from './ajv.ts';
export { byteKeywords, utf8Length } from './keywords/bytes.ts';
export { loadRegistry, SchemaError, SCHEMA_DIR, type CommandInfo, type Registry } from './registry.ts';
export * from './validate.ts';
export { limits } from './limits.ts';
