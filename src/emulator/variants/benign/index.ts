/**
 * The benign catalogue: servers that differ from the default emulator only where the docs allow — the converse
 * of the mutant catalogue (../catalogue.ts). Against each the contract suite must pass (exit 0), listing drift
 * warnings. One BenignVariant object per file: body/ (how answers are written), codes/ (which code, where),
 * server/ (limiter, caps, transport, and everything at once). `TCIM_EMULATOR_VARIANT=<name>` selects one
 * (../select.ts looks here after the mutants).
 */
import type { BenignVariant } from '../../types.ts';
import { errorDisplayAlways } from './body/error-display-always.ts';
import { connectionClose } from './server/connection-close.ts';
import { docSilentChoices, everythingElse } from './server/everything-else.ts';
import { latency200ms } from './server/latency-200ms.ts';
import { transient502 } from './server/transient-502.ts';

export type { BenignVariant } from '../../types.ts';

export const benignCatalogue: readonly BenignVariant[] = Object.freeze([
  // server/ (limiter, caps), body/ (how answers are written), codes/ (which documented code, where): one choice each
  ...docSilentChoices,
  // body/: the other ErrorDisplay choice (everything-else takes `never`)
  errorDisplayAlways,
  // server/: transport
  latency200ms,
  transient502,
  connectionClose,
  // all choices at once
  everythingElse,
]);

const byName = new Map(benignCatalogue.map((v) => [v.name, v]));

/** The benign variant called `name` (select.ts finds it through this lookup). */
export function getVariant(name: string): BenignVariant | undefined {
  return byName.get(name);
}

export { getVariant as getBenignVariant };
