/**
 * Mutation variants: deliberately wrong emulators for the self-check (does the suite notice?).
 * A variant changes behaviour only through the hooks of EmulatorVariant (src/emulator/types.ts):
 * `config` (deep-merged over the defaults), `quirks` (switches consulted by the handlers),
 * `transformRequest` (parsed body before the handler) and `transformResponse` (every answer of a
 * known command). Each catalogued variant also names the suite that must kill it and carries its
 * probe (types.ts); catalogue.ts lists them, select.ts picks one from the environment. corrupt.ts is the
 * kit their response hooks share (the success guard, field edits at a path, `fields` and hook from one list).
 */
export { catalogue as variants, catalogue, getVariant as variantByName, getVariant } from './catalogue.ts';
export type { Body, CatalogueVariant, KilledBy, ProbeContext, VariantProbe } from './types.ts';
export { runProbe } from './probe/index.ts';
export { benignCatalogue, getBenignVariant, type BenignVariant } from './benign/index.ts';
