/**
 * Mutation variants: deliberately wrong emulators for the self-check (does the suite notice?).
 * A variant changes behaviour only through the hooks of EmulatorVariant (src/emulator/types.ts):
 * `config` (deep-merged over the defaults), `quirks` (switches consulted by the handlers),
 * `transformRequest` (parsed body before the handler) and `transformResponse` (every answer of a
 * known command). The catalogue (catalogue.ts) lists every variant and which suite must kill it.
 */
export { catalogue as variants, getVariant as variantByName, getVariant, catalogueEntries } from './catalogue.ts';
