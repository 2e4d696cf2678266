import { ErrorCodes } from '../../../../errors/index.ts';
import { deepMerge } from '../../../config.ts';
import type { BenignVariant, DeepPartial, EmulatorConfig } from '../../../types.ts';
import { emptyFieldsPresent } from '../body/empty-fields-present.ts';
import { errorDisplayNever } from '../body/error-display-never.ts';
import { errorTextEmpty } from '../body/error-text-empty.ts';
import { groupIdsFrom1000 } from '../body/group-ids-from-1000.ts';
import { markBitsLsbLeft } from '../body/mark-bits-lsb-left.ts';
import { markPadded64 } from '../body/mark-padded-64.ts';
import { pageSize7 } from '../body/page-size-7.ts';
import { customMarkTooLong51006 } from '../codes/custom-mark-too-long-51006.ts';
import { duplicateName51011 } from '../codes/duplicate-name-51011.ts';
import { nonAdmin50003 } from '../codes/non-admin-50003.ts';
import { scopeTopLevel } from '../codes/scope-top-level.ts';
import { conversationCapPerGroup } from './conversation-cap-per-group.ts';
import { limiterFixedWindow } from './limiter-fixed-window.ts';
import { searchTooMany51006 } from '../codes/search-too-many-51006.ts';

/**
 * Every doc-silent choice made the other way, one variant each, in catalogue order (../index.ts lists them
 * first): server/ (limiter and caps), body/ (how answers are written; ErrorDisplay `never` — `always` is a
 * variant of its own), codes/ (which code, where). Transport (latency, 502s, closed connections) is not a
 * choice: its variants stand alone. Everything-else makes all of these at once.
 */
export const docSilentChoices: readonly BenignVariant[] = [
  limiterFixedWindow,
  conversationCapPerGroup,
  markBitsLsbLeft,
  markPadded64,
  groupIdsFrom1000,
  emptyFieldsPresent,
  errorTextEmpty,
  errorDisplayNever,
  pageSize7,
  nonAdmin50003,
  duplicateName51011,
  customMarkTooLong51006,
  searchTooMany51006,
  scopeTopLevel,
];
const own: DeepPartial<EmulatorConfig> = { throttle: { code: ErrorCodes.TOO_MANY_REQUESTS } };

export const everythingElse: BenignVariant = {
  name: 'everything-else',
  description: `every doc-silent choice the other way at once: ${docSilentChoices.map((p) => p.name).join(', ')}, throttle code ${ErrorCodes.TOO_MANY_REQUESTS}`,
  kind: 'benign',
  config: docSilentChoices.reduce<DeepPartial<EmulatorConfig>>((acc, p) => deepMerge(acc, p.config), own),
  docs: 'each point is one the docs leave open (see the single variants); the throttle code: the docs give the limit, not the code',
};
