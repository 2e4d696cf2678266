/** The error-code table (schemas/errors.json) as typed data. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileValidator } from '../schema/ajv.ts';
import { SchemaError } from '../schema/registry.ts';
import { ErrorCodes, type ErrorName } from '../generated/error-codes.ts';

export { ErrorCodes, type ErrorName };

export type ErrorCategory = 'success' | 'client' | 'auth' | 'throttle' | 'server' | 'edition' | 'limit';

export interface ErrorEntry {
  code: number;
  name: ErrorName;
  meaning: string;
  category: ErrorCategory;
  retryable: boolean;
  scope: 'top-level' | 'per-item';
  /** Commands where the code appears at another scope than `scope`. */
  scopeByCommand?: Record<string, 'top-level' | 'per-item'>;
  /** `service/command` names, or `*` for every command. */
  commands: string[];
  doc: string;
  family: 'contact-group' | 'setup';
  trigger?: string;
  stagingTriggerable: boolean;
  notTriggerableReason?: string;
}

const ERRORS_FILE = fileURLToPath(new URL('../../schemas/errors.json', import.meta.url));
const ERRORS_SCHEMA = fileURLToPath(new URL('../../schemas/errors.schema.json', import.meta.url));

export function loadErrorTable(file = ERRORS_FILE): ErrorEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SchemaError(`error table ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const validate = fileValidator(ERRORS_SCHEMA);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new SchemaError(`error table ${file} is malformed: ${first?.instancePath ?? ''} ${first?.message ?? ''}`);
  }
  const entries = (data as { errors: ErrorEntry[] }).errors;
  const seen = new Set<number>();
  for (const e of entries) {
    if (seen.has(e.code)) throw new SchemaError(`error table ${file}: code ${e.code} is listed twice`);
    seen.add(e.code);
  }
  return entries;
}

export const errorTable: ErrorEntry[] = loadErrorTable();
const byCode = new Map(errorTable.map((e) => [e.code, e]));

export const lookupError = (code: number): ErrorEntry | undefined => byCode.get(code);
export const isThrottleCode = (code: number): boolean => byCode.get(code)?.category === 'throttle';
export const describeCode = (code: number): string => {
  const e = byCode.get(code);
  return e ? `${code} ${e.name}` : `${code} (not in the error table)`;
};

/** Where `code` appears in answers of `command`: the top-level ErrorCode or a per-item ResultCode. */
export const scopeOf = (code: number, command?: string): 'top-level' | 'per-item' => {
  const e = byCode.get(code);
  return (command ? e?.scopeByCommand?.[command] : undefined) ?? e?.scope ?? 'top-level';
};

/** Documented codes of one command (including codes documented for every command). */
export const codesForCommand = (command: string): ErrorEntry[] =>
  errorTable.filter((e) => e.code !== ErrorCodes.OK && (e.commands.includes(command) || e.commands.includes('*')));
