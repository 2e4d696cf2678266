/**
 * Request / response validation. Unknown fields (additionalProperties) are split out: in strict mode
 * they are errors, in lenient mode (staging) they are drift warnings.
 */
import type { ErrorObject } from 'ajv';
import { loadRegistry, SchemaError, type CommandInfo, type Registry } from './registry.ts';

export interface SchemaIssue {
  path: string;
  keyword: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: SchemaIssue[];
  /** JSON pointers of fields the schema does not list. */
  unknownFields: string[];
}

let registry: Registry | undefined;
export function getRegistry(): Registry {
  registry ??= loadRegistry();
  return registry;
}

export function commandInfo(command: string): CommandInfo {
  const info = getRegistry().commands.get(command);
  if (!info) throw new SchemaError(`unknown command "${command}"; known: ${[...getRegistry().commands.keys()].join(', ')}`);
  return info;
}

export function listCommands(): CommandInfo[] {
  return [...getRegistry().commands.values()];
}

function toIssues(errors: ErrorObject[] | null | undefined): { issues: SchemaIssue[]; unknown: string[] } {
  const issues: SchemaIssue[] = [];
  const unknown: string[] = [];
  for (const e of errors ?? []) {
    if (e.keyword === 'additionalProperties') {
      unknown.push(`${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}`);
      continue;
    }
    // if/then failures are reported by their inner keyword already
    if (e.keyword === 'if') continue;
    issues.push({ path: e.instancePath || '/', keyword: e.keyword, message: e.message ?? e.keyword });
  }
  return { issues, unknown };
}

function run(ref: string, body: unknown, strict: boolean): ValidationResult {
  const validate = getRegistry().validator(ref);
  validate(body);
  const { issues, unknown } = toIssues(validate.errors);
  if (strict) for (const path of unknown) issues.push({ path, keyword: 'additionalProperties', message: 'field not in the schema' });
  return { ok: issues.length === 0, errors: issues, unknownFields: unknown };
}

export function validateRequest(command: string, body: unknown, { strict = true } = {}): ValidationResult {
  return run(`${commandInfo(command).schemaId}#/definitions/Request`, body, strict);
}

export function validateResponse(command: string, body: unknown, { strict = true } = {}): ValidationResult {
  const info = commandInfo(command);
  const result = run(`${info.schemaId}#/definitions/Response`, body, strict);
  const b = body as Record<string, unknown> | null;
  if (b && typeof b === 'object' && b.ActionStatus === 'OK') {
    for (const field of info.requiredOnSuccess) {
      if (!(field in b)) result.errors.push({ path: `/${field}`, keyword: 'x-required-on-success', message: `must have ${field} when ActionStatus is OK` });
    }
    if (b.ErrorCode !== 0) result.errors.push({ path: '/ErrorCode', keyword: 'envelope', message: 'ActionStatus OK must carry ErrorCode 0' });
  }
  if (b && typeof b === 'object' && b.ActionStatus === 'FAIL' && b.ErrorCode === 0) {
    result.errors.push({ path: '/ErrorCode', keyword: 'envelope', message: 'ActionStatus FAIL must carry a non-zero ErrorCode' });
  }
  result.ok = result.errors.length === 0;
  return result;
}

export const formatIssues = (issues: SchemaIssue[]): string => issues.map((i) => `${i.path} ${i.message}`).join('; ');
