/**
 * Numbers given as text (environment variables, CLI options, config fields): one parser for each kind,
 * each failing with a ConfigError (exit 2) that names the setting and the accepted range.
 */
import { ConfigError } from './config-error.ts';

export interface NumberRule {
  /** Smallest accepted value (default 0 for whole numbers; positive numbers must be > 0). */
  min?: number;
  /** Largest accepted value (default Number.MAX_SAFE_INTEGER). */
  max?: number;
  /** Value when the text is undefined or empty; without it, empty text is an error. */
  fallback?: number;
  /** What the number counts, for the message: "seconds", "calls". */
  unit?: string;
  /** Error class to throw (a ConfigError subclass such as LoadConfigError); default ConfigError. */
  error?: new (message: string) => Error;
  /** What follows `name="text"` in the message when the generic wording would say less, e.g. "is not an SDKAppID: …". */
  expected?: string;
}

const range = (min: number, max: number): string => (max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : min > 0 ? ` of at least ${min}` : '');

/** `name="text"` → a whole number (digits only) within [min, max]. */
export function parseWholeNumber(name: string, text: string | undefined, rule: NumberRule = {}): number {
  const { min = 0, max = Number.MAX_SAFE_INTEGER, fallback, unit, error = ConfigError, expected } = rule;
  if ((text === undefined || text === '') && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || !/^[0-9]+$/.test(text) || value < min || value > max) {
    throw new error(`${name}="${text ?? ''}" ${expected ?? `must be a whole number${unit ? ` of ${unit}` : ''}${range(min, max)}`}`);
  }
  return value;
}

/** `name="text"` → a positive decimal number (e.g. a rate) up to max. */
export function parsePositiveNumber(name: string, text: string | undefined, rule: Omit<NumberRule, 'min'> = {}): number {
  const { max = Number.MAX_SAFE_INTEGER, fallback, unit, error = ConfigError, expected } = rule;
  if ((text === undefined || text === '') && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || !/^[0-9]+(\.[0-9]+)?$/.test(text) || !(value > 0) || value > max) {
    throw new error(`${name}="${text ?? ''}" ${expected ?? `must be a positive number${unit ? ` of ${unit}` : ''}${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}`}`);
  }
  return value;
}
