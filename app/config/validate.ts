/**
 * Checks a config object against schemas/config.schema.json (ajv) and refuses anything that looks like a
 * secret: a field named like one (secretKey, usersig, password, token, …) or a value shaped like a secret
 * key or a UserSig. One ConfigError lists every bad field by its path (`target.sdkappid: …`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ConfigError } from '../../src/core/config-error.ts';
import { CODE_ROOT } from '../../src/core/paths.ts';

// ajv is CommonJS: its default export is the class under ESM.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;

export const CONFIG_SCHEMA_FILE = join(CODE_ROOT, 'schemas/config.schema.json');
const SCHEMA_ID = 'config.schema.json';

let compiled: { config: ValidateFunction; expectations: ValidateFunction } | undefined;
function validators(): { config: ValidateFunction; expectations: ValidateFunction } {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema({ ...JSON.parse(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')), $id: SCHEMA_ID });
  compiled = { config: ajv.getSchema(SCHEMA_ID) as ValidateFunction, expectations: ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/expectations` }) };
  return compiled;
}

/** A field named like a secret (but not a `…Env` name of a variable). */
const SECRET_KEY_NAME = /(secret|password|passwd|token|usersig|private.?key|api.?key|credential)/i;
/** A TLS secret key (64 hex) or a UserSig (escaped base64 of zlib data, which starts "eJ"). */
const SECRET_VALUE = [/^[0-9a-f]{64}$/i, /^eJ[A-Za-z0-9*_-]{40,}$/];

/** `load.scenarios.x.stages[1].rate`: list positions in brackets. */
const fieldPath = (parts: string[]): string => parts.reduce((p, x) => (/^[0-9]+$/.test(x) ? `${p}[${x}]` : p ? `${p}.${x}` : x), '') || '(top level)';

function secretProblems(value: unknown, at: string[], out: string[]): void {
  if (typeof value === 'string') {
    if (SECRET_VALUE.some((re) => re.test(value))) out.push(`${fieldPath(at)}: looks like a secret value (a secret key or UserSig); secrets never go in the config file — put it in an environment variable and name that variable in target.secretKeyEnv / target.usersigEnv`);
    return;
  }
  if (Array.isArray(value)) return value.forEach((v, i) => secretProblems(v, [...at, String(i)], out));
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY_NAME.test(k) && !/Env$/.test(k)) {
      out.push(`${fieldPath([...at, k])}: secrets never go in the config file; keep the value in an environment variable and give its NAME instead, e.g. target.${/sig/i.test(k) ? 'usersigEnv' : 'secretKeyEnv'}: 'TCIM_${/sig/i.test(k) ? 'USERSIG' : 'SECRET_KEY'}'`);
      continue;
    }
    if (/Env$/.test(k) && typeof v === 'string' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
      out.push(`${fieldPath([...at, k])}: must be the NAME of an environment variable (letters, digits, _), not its value — this looks like the secret itself`);
      continue;
    }
    secretProblems(v, [...at, k], out);
  }
}

function describe(e: ErrorObject, prefix: string[]): string | undefined {
  const parts = [...prefix, ...e.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))];
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${fieldPath([...parts, String(p.additionalProperty)])}: unknown field${e.parentSchema?.properties ? ` (known here: ${Object.keys(e.parentSchema.properties as object).filter((k) => k !== '$schema').join(', ')})` : ''}`;
    case 'enum':
      return `${fieldPath(parts)}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'if':
      return undefined; // the `then` branch's own errors say what is wrong
    default:
      return `${fieldPath(parts)}: ${e.message}${e.schema && e.keyword === 'pattern' ? ` (pattern ${String(e.schema)})` : ''}`;
  }
}

function check(fn: ValidateFunction, value: unknown, prefix: string[], source: string): void {
  const problems: string[] = [];
  secretProblems(value, prefix, problems);
  // Schema errors too, but not a second line for a field already refused as a secret.
  const refused = problems.map((p) => p.slice(0, p.indexOf(': ')));
  if (!fn(value)) {
    for (const e of fn.errors ?? []) {
      const line = describe(e, prefix);
      if (line && !problems.includes(line) && !refused.some((f) => line.startsWith(`${f}: `))) problems.push(line);
    }
  }
  if (problems.length) throw new ConfigError(`${source} is not a valid tcim-harness config:\n  - ${problems.join('\n  - ')}\n(fields: schemas/config.schema.json)`);
}

/** Throws a ConfigError naming every bad field of `value`, read from `source` (the file's path). */
export const validateConfig = (value: unknown, source: string): void => check(validators().config, value, [], source);

/** The same for an expectations file: its fields are reported as `expectations.<field>`. */
export const validateExpectations = (value: unknown, source: string): void => check(validators().expectations, value, ['expectations'], source);
