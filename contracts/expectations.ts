/**
 * Expected codes where the docs leave the answer open. Defaults are the choices written in the schema
 * descriptions (schemas/); each can be overridden for a staging app that answers differently.
 * Overrides must be codes of the error table (schemas/errors.json).
 */
import { ConfigError } from '../src/client/config.ts';
import { ErrorCodes, lookupError, scopeOf } from '../src/errors/index.ts';

type Env = Record<string, string | undefined>;
export type Scope = 'top-level' | 'per-item';

export const KNOBS = {
  nonAdmin: {
    env: 'TCIM_EXPECT_NON_ADMIN_CODE',
    default: ErrorCodes.ADMIN_PERMISSION_REQUIRED,
    why: 'a non-admin identifier: the overview documents 60010, the recentcontact pages list 50003',
  },
  throttle: {
    env: 'TCIM_EXPECT_THROTTLE_CODE',
    default: ErrorCodes.API_RATE_LIMITED,
    why: 'more than 200 calls/s: the docs give the limit, not the code',
  },
  customMarkTooLong: {
    env: 'TCIM_EXPECT_CUSTOMMARK_TOO_LONG_CODE',
    default: ErrorCodes.INVALID_PARAMETER,
    why: 'a CustomMark over 256 bytes: the limit is documented, the code is not',
  },
  searchTooMany: {
    env: 'TCIM_EXPECT_SEARCH_TOO_MANY_CODE',
    default: ErrorCodes.INVALID_PARAMETER,
    why: 'more than 300 conversations in one search: the limit is documented, the code is not',
  },
  duplicateGroupName: {
    env: 'TCIM_EXPECT_DUPLICATE_GROUP_NAME_CODE',
    default: ErrorCodes.INVALID_PARAMETER,
    why: 'creating or renaming to a group name the user already has: not documented',
  },
} as const;

export type KnobName = keyof typeof KNOBS;
export type Expectations = Record<KnobName, number> & {
  /**
   * Where a code is answered: TCIM_EXPECT_SCOPE_<code> if set, else the error table's scope for this
   * command (scopeByCommand), else its general scope.
   */
  scope(code: number, command?: string): Scope;
};

function parseCode(name: string, value: string): number {
  if (!/^[0-9]{1,6}$/.test(value)) throw new ConfigError(`${name}="${value}" must be an error code, e.g. ${ErrorCodes.INVALID_PARAMETER}`);
  const code = Number(value);
  if (!lookupError(code)) throw new ConfigError(`${name}=${code} is not in the error table (schemas/errors.json); use a documented code`);
  return code;
}

export function loadExpectations(env: Env = process.env): Expectations {
  const codes = {} as Record<KnobName, number>;
  for (const [key, knob] of Object.entries(KNOBS) as [KnobName, (typeof KNOBS)[KnobName]][]) {
    const v = env[knob.env];
    codes[key] = v === undefined || v === '' ? knob.default : parseCode(knob.env, v);
  }
  const scopes = new Map<number, Scope>();
  for (const [name, v] of Object.entries(env)) {
    const m = /^TCIM_EXPECT_SCOPE_([0-9]+)$/.exec(name);
    if (!m || v === undefined) continue;
    const code = parseCode(name, m[1] ?? '');
    if (v !== 'top-level' && v !== 'per-item') throw new ConfigError(`${name}="${v}" must be top-level or per-item`);
    scopes.set(code, v);
  }
  return {
    ...codes,
    scope: (code, command) => scopes.get(code) ?? scopeOf(code, command),
  };
}

/** "60010 (TCIM_EXPECT_NON_ADMIN_CODE)" — for titles and skip reasons. */
export const describeKnob = (e: Expectations, name: KnobName): string => `${e[name]} (${KNOBS[name].env})`;
