/**
 * Mutation variants: deliberately wrong emulators for the self-check (does the contract suite notice?).
 * A variant changes behaviour only through the hooks of EmulatorVariant (src/emulator/types.ts):
 * `config` (deep-merged over the defaults), `quirks` (switches consulted by the handlers),
 * `transformRequest` (parsed body before the handler) and `transformResponse` (every answer of a known command).
 */
import type { EmulatorVariant } from '../types.ts';
import { contactTimestampMissing } from './contact-timestamp-missing.ts';
import { groupLimit21 } from './group-limit-21.ts';
import { namesCountedInChars } from './names-counted-in-chars.ts';

export const variants: readonly EmulatorVariant[] = Object.freeze([namesCountedInChars, groupLimit21, contactTimestampMissing]);

export function variantByName(name: string): EmulatorVariant | undefined {
  return variants.find((v) => v.name === name);
}
