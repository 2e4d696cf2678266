/**
 * Loads the emulator variant a run asks for (mutation self-check). TCIM_EMULATOR_VARIANT=<name> picks a variant from
 * the catalogue (src/emulator/variants/index.ts), or from the module named by
 * TCIM_EMULATOR_VARIANT_MODULE, which exports `getVariant(name)` / `variantByName(name)`, or a table
 * `variants` / `default` (array or record of EmulatorVariant) / `catalogueEntries` ({ variant }[]).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../../core/config-error.ts';
import { codeFile, projectDir } from '../../core/paths.ts';
import type { EmulatorVariant } from '../types.ts';

/** Environment variables that pick a variant for every embedded emulator of a run (contracts, load, doctor). */
export const VARIANT_ENV = { VARIANT: 'TCIM_EMULATOR_VARIANT', VARIANT_MODULE: 'TCIM_EMULATOR_VARIANT_MODULE' } as const;

type Env = Record<string, string | undefined>;
/** The catalogue's public entry: its getVariant finds every catalogued variant. */
// the mutants' catalogue, then the benign catalogue (servers that differ only where the docs allow)
const BUILT_IN = [codeFile('src/emulator/variants/index.ts'), codeFile('src/emulator/variants/benign/index.ts')];

/** Finds `name` in a variants module: a lookup function or a table (record, array, or catalogue entries). */
function find(mod: Record<string, unknown>, name: string): EmulatorVariant | undefined {
  for (const fn of ['getVariant', 'variantByName']) {
    if (typeof mod[fn] === 'function') {
      const v = (mod[fn] as (n: string) => EmulatorVariant | undefined)(name);
      if (v) return v;
    }
  }
  for (const key of ['variants', 'default', 'catalogueEntries']) {
    const table = mod[key];
    if (!table || typeof table !== 'object') continue;
    const list = (Array.isArray(table) ? table : Object.values(table)) as (EmulatorVariant | { variant: EmulatorVariant })[];
    const found = list.map((v) => ('variant' in v ? v.variant : v)).find((v) => v?.name === name);
    if (found) return found;
    if (!Array.isArray(table) && (table as Record<string, EmulatorVariant>)[name]) return (table as Record<string, EmulatorVariant>)[name];
  }
  return undefined;
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`cannot load emulator variants from ${file}: ${(e as Error).message}`);
  }
}

/** The variant the run's emulator (and every private emulator) uses, or undefined for the correct one. */
export async function loadVariant(env: Env = process.env): Promise<EmulatorVariant | undefined> {
  const name = env[VARIANT_ENV.VARIANT];
  if (!name) return undefined;
  const given = env[VARIANT_ENV.VARIANT_MODULE];
  const files = given ? [isAbsolute(given) ? given : resolve(projectDir(), given)] : BUILT_IN;
  if (given && !existsSync(files[0] as string)) throw new ConfigError(`${VARIANT_ENV.VARIANT_MODULE}="${given}" does not exist`);
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) throw new ConfigError(`${VARIANT_ENV.VARIANT}="${name}" needs ${BUILT_IN[0]}, which does not exist`);
  for (const file of present) {
    let found: EmulatorVariant | undefined;
    try {
      found = find(await importModule(file), name);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(`${VARIANT_ENV.VARIANT}="${name}": ${(e as Error).message}`);
    }
    if (found) return found;
  }
  throw new ConfigError(`${VARIANT_ENV.VARIANT}="${name}": no such variant in ${present.join(' or ')}`);
}
