/**
 * One definition per rule, after ajv's keyword definitions: a small object that holds the limit, the code
 * exceeding it gives, where that code is answered, the request paths it applies to, its doc and the doc's
 * words, and its check. The data is schemas/limits.json; the limits themselves come from the schema keywords
 * (src/schema/limits.ts), the scope from the error table (schemas/errors.json). Everyone reads these objects:
 * the emulator's checks and defaults, the contract specs (boundaries `limit` and `over`), the load fixtures
 * and the self-check variants.
 */
import { describeCode, scopeOf } from '../errors/index.ts';
import { limits, listCommands, resolveNumber, RULE_NAMES, ruleTable, SchemaError, type RuleName } from '../schema/index.ts';
import { choices, codeOf, CODE_CHOICES, type CodeChoiceName } from './choices.ts';

export type { RuleName };
export type Scope = 'top-level' | 'per-item';

export interface LimitRule {
  readonly name: RuleName;
  /** The largest accepted value: a count, bytes, a bit number, calls per second. */
  readonly limit: number;
  /** The smallest accepted value, when the docs give one (1 item, 1 byte, bit 0). */
  readonly min: number | undefined;
  /** The first refused value, limit + 1: boundary tests send `limit` and `over`. */
  readonly over: number;
  readonly unit: string;
  /** The code exceeding the limit gives: the documented one, or the default of `choice`. */
  readonly code: number;
  /** Set when the docs give the limit but not its code: the choice (and TCIM_EXPECT_* variable) deciding it. */
  readonly choice: CodeChoiceName | undefined;
  /** Commands the rule applies to; `*` = every command. */
  readonly commands: readonly string[];
  readonly doc: string;
  /** The doc's words. */
  readonly text: string;
  /** Request paths of the limited value in `command` (`*` = every array item); none for state rules. */
  paths(command: string): readonly string[];
  /** Where `code` is answered in `command`: top-level ErrorCode or per-item ResultCode (the error table's scope). */
  scope(command: string): Scope;
  /** What is wrong with a measured value `n` against `limit` (default the rule's), or undefined when it fits. */
  violation(n: number, limit?: number): string | undefined;
}

function define(name: RuleName): LimitRule {
  const e = ruleTable.rules[name];
  const where = `schemas/limits.json rules.${name}`;
  if (e.choice !== undefined && !(CODE_CHOICES as readonly string[]).includes(e.choice)) throw new SchemaError(`${where}.choice "${e.choice}" is not a code choice (${CODE_CHOICES.join(', ')})`);
  const choice = e.choice as CodeChoiceName | undefined;
  const code = choice ? choices[choice].default : codeOf(e.code, `${where}.code`);
  const known = new Set(listCommands().map((c) => c.name));
  for (const c of Object.keys(e.commands)) if (c !== '*' && !known.has(c)) throw new SchemaError(`${where}.commands: "${c}" is not a command of schemas/commands/`);
  const limit = limits[name];
  const min = e.min === undefined ? undefined : resolveNumber(e.min, `rules.${name}.min`);
  return Object.freeze({
    name,
    limit,
    min,
    over: limit + 1,
    unit: e.unit,
    code,
    choice,
    commands: Object.freeze(Object.keys(e.commands)),
    doc: e.doc,
    text: e.text,
    paths: (command: string) => e.commands[command] ?? e.commands['*'] ?? [],
    scope: (command: string) => scopeOf(code, command),
    violation(n: number, max = limit) {
      if (n <= max && (min === undefined || n >= min)) return undefined;
      return `must be ${min === undefined ? `at most ${max}` : `${min} to ${max}`} ${e.unit}, not ${n}`;
    },
  });
}

export const rules: Readonly<Record<RuleName, LimitRule>> = Object.freeze(
  Object.fromEntries(RULE_NAMES.map((name) => [name, define(name)])) as Record<RuleName, LimitRule>,
);

const byCommand = new Map<string, readonly LimitRule[]>();

/** The rules that limit a value of `command`'s request, in the table's order (the order the emulator checks them). */
export function requestRules(command: string): readonly LimitRule[] {
  let found = byCommand.get(command);
  if (!found) byCommand.set(command, (found = Object.freeze(RULE_NAMES.map((n) => rules[n]).filter((r) => r.paths(command).length > 0))));
  return found;
}

/** "51010 CONTACT_GROUP_LIMIT_EXCEEDED above 20 groups" — for messages and reports. */
export const describeRule = (r: LimitRule): string => `${describeCode(r.code)} above ${r.limit} ${r.unit}`;

/** "21st", "1001st", "22nd", "13th": test titles name the one-too-many item by its position. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
