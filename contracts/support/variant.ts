/**
 * Emulator variants for the mutation self-check. TCIM_EMULATOR_VARIANT=<name> picks a variant from
 * src/emulator/variants/index.ts (`getVariant(name)`), or from the module named by
 * TCIM_EMULATOR_VARIANT_MODULE (exports `getVariant(name)`, `variants` (record or array) or `default`).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../../src/client/config.ts';
import type { EmulatorVariant } from '../../src/emulator/index.ts';
import { CENV, REPO_ROOT } from './env.ts';

type Env = Record<string, string | undefined>;
const BUILT_IN = resolve(REPO_ROOT, 'src/emulator/variants/index.ts');

function pick(mod: Record<string, unknown>, name: string, from: string): EmulatorVariant {
  if (typeof mod.getVariant === 'function') {
    const v = (mod.getVariant as (n: string) => EmulatorVariant | undefined)(name);
    if (v) return v;
  }
  const table = mod.variants ?? mod.default;
  const list: EmulatorVariant[] = Array.isArray(table) ? table : table && typeof table === 'object' ? Object.values(table as Record<string, EmulatorVariant>) : [];
  const found = list.find((v) => v?.name === name) ?? (table && !Array.isArray(table) ? (table as Record<string, EmulatorVariant>)[name] : undefined);
  if (!found) throw new ConfigError(`${CENV.VARIANT}="${name}": no such variant in ${from}`);
  return found;
}

/** The variant the run's emulator (and every private emulator) uses, or undefined for the correct one. */
export async function loadVariant(env: Env = process.env): Promise<EmulatorVariant | undefined> {
  const name = env[CENV.VARIANT];
  if (!name) return undefined;
  const given = env[CENV.VARIANT_MODULE];
  const file = given ? (isAbsolute(given) ? given : resolve(REPO_ROOT, given)) : BUILT_IN;
  if (!existsSync(file)) {
    throw new ConfigError(given ? `${CENV.VARIANT_MODULE}="${given}" does not exist` : `${CENV.VARIANT}="${name}" needs ${BUILT_IN}, which does not exist yet`);
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`cannot load emulator variants from ${file}: ${(e as Error).message}`);
  }
  try {
    return pick(mod, name, file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`${CENV.VARIANT}="${name}": ${(e as Error).message}`);
  }
}
