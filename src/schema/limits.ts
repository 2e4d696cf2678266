/**
 * The numbers of the rule table (schemas/limits.json): every limit, read from the schema keyword that holds
 * it (request-shape limits: maxItems, maxBytes, maximum …) or written in the table (state/traffic limits).
 * The rest of a rule — its code, scope, commands and doc — is joined in src/rules/, a layer above, because
 * codes belong to the error table; this module only resolves and checks the numbers.
 */
import { readFileSync } from 'node:fs';
import { fileValidator } from './ajv.ts';
import { getRegistry } from './validate.ts';
import { SchemaError, SCHEMA_BASE_ID, SCHEMA_DIR } from './registry.ts';

/** The rules, in the table's order (the order in which the emulator checks a request's limits). */
export const RULE_NAMES = [
  'maxGroupsPerUser',
  'maxConversationsWithData',
  'maxMarkItems',
  'maxCustomMarkBytes',
  'maxMarkBit',
  'maxSearchItems',
  'maxGroupNameBytes',
  'maxNewGroupNameBytes',
  'maxUserIdBytes',
  'maxAccountsPerImport',
  'maxAccountsPerDelete',
  'rateLimitPerSecond',
  'maxBodyBytes',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** A number of the table: written out, or `{"$ref": "<file under schemas/>#<JSON pointer>"}` to a schema keyword. */
export type TableNumber = number | { $ref: string };

export interface RuleEntry {
  limit: TableNumber;
  min?: TableNumber;
  unit: string;
  /** ErrorCodes name of the code exceeding the limit gives (or `choice`). */
  code?: string;
  /** Name of the choice that gives the code when the docs give the limit but not the code. */
  choice?: string;
  /** `service/command` (or `*`) → request paths of the limited value; `[]` for state rules. */
  commands: Record<string, string[]>;
  doc: string;
  text: string;
}

export interface ChoiceEntry {
  env?: string;
  /** An ErrorCodes name (code choices), a number (counts) or one of `values` (form choices). */
  default: string | number;
  /** Form choices: every reading the docs allow. */
  values?: string[];
  category?: string;
  alternatives?: string[];
  max?: number;
  unit?: string;
  doc: string;
  docs: string;
}

export interface RuleTable {
  description: string;
  rules: Record<RuleName, RuleEntry>;
  choices: Record<string, ChoiceEntry>;
}

const LIMITS_FILE = `${SCHEMA_DIR}limits.json`;
const LIMITS_SCHEMA = `${SCHEMA_DIR}limits.schema.json`;

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SchemaError(`rule table ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads and checks a rule table: its shape (limits.schema.json) and exactly the rules RULE_NAMES lists. */
export function loadRuleTable(file = LIMITS_FILE): RuleTable {
  const data = readJson(file);
  const validate = fileValidator(LIMITS_SCHEMA);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new SchemaError(`rule table ${file} is malformed: ${first?.instancePath || '/'} ${first?.message ?? ''}`);
  }
  const table = data as RuleTable;
  const names = Object.keys(table.rules);
  const missing = RULE_NAMES.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !(RULE_NAMES as readonly string[]).includes(n));
  if (missing.length || extra.length) {
    throw new SchemaError(`rule table ${file}: rules must be exactly ${RULE_NAMES.join(', ')} (missing: ${missing.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'})`);
  }
  return table;
}

/** The number itself, or the one at the schema keyword `{"$ref"}` points to. */
export function resolveNumber(n: TableNumber, what: string): number {
  if (typeof n === 'number') return n;
  const [file = '', pointer = ''] = n.$ref.split('#');
  let node: unknown = getRegistry().raw.get(`${SCHEMA_BASE_ID}${file}`);
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'number') throw new SchemaError(`schemas/limits.json: ${what} refers to ${n.$ref}, which is not a number`);
  return node;
}

export const ruleTable: Readonly<RuleTable> = loadRuleTable();

/** Every limit by rule name, plus the page size the emulator uses where the docs name none (choice pageSize). */
export type Limits = Record<RuleName, number> & { defaultPageSize: number };

function pageSize(): number {
  const n = ruleTable.choices.pageSize?.default;
  if (typeof n !== 'number') throw new SchemaError('schemas/limits.json: choices.pageSize.default must be a number');
  return n;
}

export const limits: Readonly<Limits> = Object.freeze({
  ...(Object.fromEntries(RULE_NAMES.map((name) => [name, resolveNumber(ruleTable.rules[name].limit, `rules.${name}.limit`)])) as Record<RuleName, number>),
  defaultPageSize: pageSize(),
});
