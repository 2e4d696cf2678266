/**
 * The one reader of every TCIM_EXPECT_* setting: the code each doc-silent choice is expected to answer
 * (default: the choice's default, which the emulator answers), the burst allowance of the target's limiter,
 * and TCIM_EXPECT_SCOPE_<code>. Contracts and load read expectations here and nowhere else.
 *
 * The rules, one for everyone: a code is a whole number (parseWholeNumber) that the error table lists; a
 * choice with a category accepts only codes of that category — the throttle code must be a throttle code,
 * since the load check counts exactly those answers as throttling. Every problem is a ConfigError naming the
 * variable (exit 2); load passes its LoadConfigError subclass.
 */
import { ConfigError } from '../core/config-error.ts';
import { parseWholeNumber } from '../core/numbers.ts';
import { describeCode, lookupError, scopeOf } from '../errors/index.ts';
import { choices, CODE_CHOICES, FORM_CHOICES, type CodeChoice, type CodeChoiceName, type CountChoiceName, type FormChoiceName } from './choices.ts';
import type { Scope } from './rules.ts';

type Env = Record<string, string | undefined>;
type ErrorClass = new (message: string) => Error;

const SCOPE_VAR = /^TCIM_EXPECT_SCOPE_([0-9]+)$/;

/** `name="text"` → a code of the error table (of `choice.category`, when the choice has one). */
function parseCode(name: string, text: string, error: ErrorClass, choice?: CodeChoice): number {
  const code = parseWholeNumber(name, text, { error });
  const entry = lookupError(code);
  if (choice?.category !== undefined && entry?.category !== choice.category) {
    throw new error(`${name}="${text}" is not a ${choice.category} code of schemas/errors.json (category "${choice.category}"), e.g. ${describeCode(choice.default)}`);
  }
  if (!entry) throw new error(`${name}=${code} is not in the error table (schemas/errors.json); use a documented code${choice ? `, e.g. ${describeCode(choice.default)}` : ''}`);
  return code;
}

/** The code the target is expected to answer for a doc-silent choice: its TCIM_EXPECT_* variable, else the default. */
export function expectedCode(name: CodeChoiceName, env: Env = process.env, error: ErrorClass = ConfigError): number {
  const choice = choices[name];
  const text = env[choice.env];
  return text === undefined || text === '' ? choice.default : parseCode(choice.env, text, error, choice);
}

/** The code TCIM_EXPECT_* pins for a doc-silent choice, or undefined when it is unset (the target may then answer any documented alternative). */
export function pinnedCode(name: CodeChoiceName, env: Env = process.env, error: ErrorClass = ConfigError): number | undefined {
  const text = env[choices[name].env];
  return text === undefined || text === '' ? undefined : expectedCode(name, env, error);
}

/** A count the docs leave open (burst, page size, first GroupId): its TCIM_EXPECT_* variable, else the default. */
export function expectedCount(name: CountChoiceName, env: Env = process.env, error: ErrorClass = ConfigError): number {
  const { env: variable, default: fallback, max, unit } = choices[name];
  return variable === undefined ? fallback : parseWholeNumber(variable, env[variable], { fallback, max, ...(unit ? { unit } : {}), error });
}

/** Burst allowance of the target's limiter, in calls (TCIM_EXPECT_THROTTLE_BURST, default the emulator's). */
export const expectedBurst = (env: Env = process.env, error: ErrorClass = ConfigError): number => expectedCount('throttleBurst', env, error);

/** The reading of a form choice the target is expected to have: its TCIM_EXPECT_* variable (one of the choice's values), else the default. */
export function expectedForm(name: FormChoiceName, env: Env = process.env, error: ErrorClass = ConfigError): string {
  const c = choices[name];
  const text = env[c.env];
  if (text === undefined || text === '') return c.default;
  if (!c.values.includes(text)) throw new error(`${c.env}="${text}" must be one of ${c.values.join(', ')}`);
  return text;
}

export type Expectations = Record<CodeChoiceName, number> & {
  /** Burst allowance of the target's limiter, in calls. */
  burst: number;
  /** The first GroupId of a user's groups. */
  firstGroupId: number;
  /** How the target writes and counts where the docs allow several readings (limiter: see expectedLimiter). */
  form: Readonly<Record<Exclude<FormChoiceName, 'limiter'>, string>>;
  /**
   * Where a code is answered: TCIM_EXPECT_SCOPE_<code> if set, else the error table's scope for this
   * command (scopeByCommand), else its general scope.
   */
  scope(code: number, command?: string): Scope;
};

/** Every TCIM_EXPECT_* setting of `env`, checked (throws `error`, default ConfigError, naming the variable). */
export function readExpectations(env: Env = process.env, error: ErrorClass = ConfigError): Expectations {
  const codes = Object.fromEntries(CODE_CHOICES.map((n) => [n, expectedCode(n, env, error)])) as Record<CodeChoiceName, number>;
  const scopes = new Map<number, Scope>();
  for (const [name, v] of Object.entries(env)) {
    const m = SCOPE_VAR.exec(name);
    if (!m || v === undefined) continue;
    const code = parseCode(name, m[1] ?? '', error);
    if (v !== 'top-level' && v !== 'per-item') throw new error(`${name}="${v}" must be top-level or per-item`);
    scopes.set(code, v);
  }
  const form = Object.fromEntries(FORM_CHOICES.filter((n) => n !== 'limiter').map((n) => [n, expectedForm(n, env, error)])) as Expectations['form'];
  return { ...codes, burst: expectedBurst(env, error), firstGroupId: expectedCount('firstGroupId', env, error), form, scope: (code, command) => scopes.get(code) ?? scopeOf(code, command) };
}

/** "60010 (TCIM_EXPECT_NON_ADMIN_CODE)" — for titles and skip reasons. */
export const describeExpectation = (e: Expectations, name: CodeChoiceName): string => `${e[name]} (${choices[name].env})`;

/** How the target counts its calls per second: the docs give the ceiling, not the limiter. */
export type LimiterShape = 'gcra' | 'fixed-window' | 'unknown';
export const LIMITER_ENV = choices.limiter.env;
const LIMITER_SHAPES = [...choices.limiter.values, 'unknown'] as readonly string[];

/**
 * TCIM_EXPECT_LIMITER: a smooth limiter (GCRA, burst B), a fixed one-second window, or unknown (the
 * default: load verdicts must then hold for either shape).
 */
export function expectedLimiter(env: Env = process.env, error: ErrorClass = ConfigError): LimiterShape {
  const text = env[LIMITER_ENV];
  if (text === undefined || text === '') return 'unknown';
  if (!LIMITER_SHAPES.includes(text)) throw new error(`${LIMITER_ENV}="${text}" must be one of ${LIMITER_SHAPES.join(', ')}`);
  return text as LimiterShape;
}
