/**
 * The benign catalogue: servers that differ from the default emulator only where the docs allow — the converse
 * of the mutant catalogue (../catalogue.ts). Against each the contract suite must pass (exit 0), listing drift
 * warnings. One BenignVariant object per file: body/ (how answers are written), codes/ (which code, where),
 * server/ (limiter, caps, transport, and everything at once). `TCIM_EMULATOR_VARIANT=<name>` selects one
 * (../select.ts looks here after the mutants).
 */
import type { BenignVariant } from '../../types.ts';
import { emptyFieldsPresent } from './body/empty-fields-present.ts';
import { errorDisplayAlways } from './body/error-display-always.ts';
import { errorDisplayNever } from './body/error-display-never.ts';
import { errorTextEmpty } from './body/error-text-empty.ts';
import { groupIdsFrom1000 } from './body/group-ids-from-1000.ts';
import { markBitsLsbLeft } from './body/mark-bits-lsb-left.ts';
import { markPadded64 } from './body/mark-padded-64.ts';
import { pageSize7 } from './body/page-size-7.ts';
import { customMarkTooLong51006 } from './codes/custom-mark-too-long-51006.ts';
import { duplicateName51011 } from './codes/duplicate-name-51011.ts';
import { nonAdmin50003 } from './codes/non-admin-50003.ts';
import { scopeTopLevel } from './codes/scope-top-level.ts';
import { searchTooMany51006 } from './codes/search-too-many-51006.ts';
import { connectionClose } from './server/connection-close.ts';
import { conversationCapPerGroup } from './server/conversation-cap-per-group.ts';
import { everythingElse } from './server/everything-else.ts';
import { latency200ms } from './server/latency-200ms.ts';
import { limiterFixedWindow } from './server/limiter-fixed-window.ts';
import { transient502 } from './server/transient-502.ts';

export type { BenignVariant } from '../../types.ts';

export const benignCatalogue: readonly BenignVariant[] = Object.freeze([
  // server/: how the limit and the caps are counted
  limiterFixedWindow,
  conversationCapPerGroup,
  // body/: how answers are written
  markBitsLsbLeft,
  markPadded64,
  groupIdsFrom1000,
  emptyFieldsPresent,
  errorTextEmpty,
  errorDisplayAlways,
  errorDisplayNever,
  pageSize7,
  // codes/: which documented code, and where
  nonAdmin50003,
  duplicateName51011,
  customMarkTooLong51006,
  searchTooMany51006,
  scopeTopLevel,
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
