/**
 * Where the docs are silent (schemas/limits.json "choices"): what the docs say, the default tcim-harness
 * picks, and the TCIM_EXPECT_* variable that overrides the expectation on staging. Defined once here: the
 * emulator answers the defaults, the suites expect them unless a variable says otherwise (expectations.ts).
 */
import { errorTable, ErrorCodes, lookupError, type ErrorCategory, type ErrorName } from '../errors/index.ts';
import { ruleTable, SchemaError, type ChoiceEntry } from '../schema/index.ts';

/** Choices of a code: what the target answers where the docs give no code. */
export const CODE_CHOICES = ['throttle', 'nonAdmin', 'customMarkTooLong', 'searchTooMany', 'duplicateGroupName'] as const;
/** Choices of a count where the docs give none. */
export const COUNT_CHOICES = ['throttleBurst', 'pageSize', 'firstGroupId'] as const;
/** Choices of a form (how an answer is written or counted) where the docs allow several readings. */
export const FORM_CHOICES = ['limiter', 'markBitOrder', 'markPadding', 'emptyFields', 'errorText', 'errorDisplay', 'conversationCap'] as const;
export type CodeChoiceName = (typeof CODE_CHOICES)[number];
export type CountChoiceName = (typeof COUNT_CHOICES)[number];
export type FormChoiceName = (typeof FORM_CHOICES)[number];

interface ChoiceBase {
  name: string;
  /** The TCIM_EXPECT_* variable that overrides the expectation, if staging may differ. */
  env: string | undefined;
  doc: string;
  /** What the docs say (or do not say). */
  docs: string;
}

export interface CodeChoice extends ChoiceBase {
  name: CodeChoiceName;
  env: string;
  default: number;
  defaultName: ErrorName;
  /** An override must be a code of this category of the error table (the throttle code: "throttle"). */
  category: ErrorCategory | undefined;
  /** Other codes the docs name for the same case (tested as "not expected here" unless chosen). */
  alternatives: readonly number[];
}

export interface CountChoice extends ChoiceBase {
  name: CountChoiceName;
  default: number;
  /** Largest accepted override. */
  max: number | undefined;
  unit: string | undefined;
}

export interface FormChoice extends ChoiceBase {
  name: FormChoiceName;
  env: string;
  default: string;
  /** Every reading the docs allow (the default among them). */
  values: readonly string[];
}

export type Choices = { readonly [K in CodeChoiceName]: CodeChoice } & { readonly [K in CountChoiceName]: CountChoice } & { readonly [K in FormChoiceName]: FormChoice };

const where = (name: string): string => `schemas/limits.json choices.${name}`;

function codeOfName(name: unknown, what: string): number {
  const code = typeof name === 'string' ? (ErrorCodes as Record<string, number>)[name] : undefined;
  if (code === undefined) throw new SchemaError(`${what} must name a code of the error table (schemas/errors.json), found ${JSON.stringify(name)}`);
  return code;
}

function entry(name: string): ChoiceEntry {
  const e = ruleTable.choices[name];
  if (!e) throw new SchemaError(`${where(name)} is missing`);
  return e;
}

function codeChoice(name: CodeChoiceName): CodeChoice {
  const e = entry(name);
  if (!e.env) throw new SchemaError(`${where(name)}.env is required: staging may answer another code`);
  const code = codeOfName(e.default, `${where(name)}.default`);
  const categories = new Set(errorTable.map((x) => x.category));
  if (e.category !== undefined && !categories.has(e.category as ErrorCategory)) throw new SchemaError(`${where(name)}.category "${e.category}" is not a category of the error table`);
  if (e.category !== undefined && lookupError(code)?.category !== e.category) throw new SchemaError(`${where(name)}.default is not of category ${e.category}`);
  return {
    name,
    env: e.env,
    default: code,
    defaultName: e.default as ErrorName,
    category: e.category as ErrorCategory | undefined,
    alternatives: (e.alternatives ?? []).map((a, i) => codeOfName(a, `${where(name)}.alternatives[${i}]`)),
    doc: e.doc,
    docs: e.docs,
  };
}

function countChoice(name: CountChoiceName): CountChoice {
  const e = entry(name);
  if (typeof e.default !== 'number') throw new SchemaError(`${where(name)}.default must be a number`);
  return { name, env: e.env, default: e.default, max: e.max, unit: e.unit, doc: e.doc, docs: e.docs };
}

function formChoice(name: FormChoiceName): FormChoice {
  const e = entry(name);
  if (!e.env) throw new SchemaError(`${where(name)}.env is required: staging may read it the other way`);
  if (typeof e.default !== 'string' || !e.values?.includes(e.default)) throw new SchemaError(`${where(name)}.default must be one of its values`);
  return { name, env: e.env, default: e.default, values: Object.freeze([...e.values]), doc: e.doc, docs: e.docs };
}

function load(): Choices {
  const known: readonly string[] = [...CODE_CHOICES, ...COUNT_CHOICES, ...FORM_CHOICES];
  const unknown = Object.keys(ruleTable.choices).filter((n) => !known.includes(n));
  if (unknown.length) throw new SchemaError(`schemas/limits.json: unknown choice(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const codes = Object.fromEntries(CODE_CHOICES.map((n) => [n, Object.freeze(codeChoice(n))]));
  const counts = Object.fromEntries(COUNT_CHOICES.map((n) => [n, Object.freeze(countChoice(n))]));
  const forms = Object.fromEntries(FORM_CHOICES.map((n) => [n, Object.freeze(formChoice(n))]));
  return Object.freeze({ ...codes, ...counts, ...forms }) as Choices;
}

export const choices: Choices = load();

/** ErrorCodes name → code, for rule entries (throws a SchemaError naming the field). */
export const codeOf = codeOfName;
