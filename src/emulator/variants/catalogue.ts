/**
 * The mutation catalogue of the self-check (`tcim-harness selfcheck`): every plausible server bug the
 * harness must notice, each a named EmulatorVariant (one file per variant in this folder), with the
 * suite that is expected to kill it:
 * - `contracts`: the contract suite (`tcim-harness contracts`) must fail at least one test;
 * - `load-over`: the load profile `over` (`tcim-harness load --profile over`) must fail its thresholds.
 * Names are unique and kebab-case; `baseline` is reserved for the untouched emulator.
 */
import type { EmulatorVariant } from '../types.ts';
import { clearMarkIgnored } from './clear-mark-ignored.ts';
import { completeFlagAlways0 } from './complete-flag-always-0.ts';
import { completeFlagAlways1 } from './complete-flag-always-1.ts';
import { contactTimestampMissing } from './contact-timestamp-missing.ts';
import { conversationLimit1001 } from './conversation-limit-1001.ts';
import { createSuccessAsInternalError } from './create-success-as-internal-error.ts';
import { customMarkLimit257 } from './custom-mark-limit-257.ts';
import { customMarkTruncated } from './custom-mark-truncated.ts';
import { deletedGroupIdKept } from './deleted-group-id-kept.ts';
import { deletedGroupStillListed } from './deleted-group-still-listed.ts';
import { dismissedGroupMarkReportedOk } from './dismissed-group-mark-reported-ok.ts';
import { expiredUsersigAccepted } from './expired-usersig-accepted.ts';
import { expiredUsersigAsInvalid } from './expired-usersig-as-invalid.ts';
import { getGroupItemMissing } from './get-group-item-missing.ts';
import { groupIdAsString } from './group-id-as-string.ts';
import { groupLimit21 } from './group-limit-21.ts';
import { groupLimitCodeAsNameCode } from './group-limit-code-as-name-code.ts';
import { groupNameLimit33 } from './group-name-limit-33.ts';
import { groupNotFoundAsInvalidParameter } from './group-not-found-as-invalid-parameter.ts';
import { markBitOffByOne } from './mark-bit-off-by-one.ts';
import { markCountAsInvalidParameter } from './mark-count-as-invalid-parameter.ts';
import { markItemsLimit101 } from './mark-items-limit-101.ts';
import { markSuccessAsFail } from './mark-success-as-fail.ts';
import { nameInvalidReportedOk } from './name-invalid-reported-ok.ts';
import { namesCountedInChars } from './names-counted-in-chars.ts';
import { nextStartIndexMissing } from './next-start-index-missing.ts';
import { nonAdminAccepted } from './non-admin-accepted.ts';
import { rateLimit100 } from './rate-limit-100.ts';
import { rateLimitOff } from './rate-limit-off.ts';
import { renameNameLimit33 } from './rename-name-limit-33.ts';
import { searchItemsLimit301 } from './search-items-limit-301.ts';
import { startIndexIgnored } from './start-index-ignored.ts';
import { throttleCodeAsInternalError } from './throttle-code-as-internal-error.ts';
import { timestampAsString } from './timestamp-as-string.ts';
import { wrongKeyUsersigAccepted } from './wrong-key-usersig-accepted.ts';

/** The suite that must kill a variant. */
export type KilledBy = 'contracts' | 'load-over';

export interface CatalogueEntry {
  variant: EmulatorVariant;
  killedBy: KilledBy;
}

const contracts = (variant: EmulatorVariant): CatalogueEntry => ({ variant, killedBy: 'contracts' });
const loadOver = (variant: EmulatorVariant): CatalogueEntry => ({ variant, killedBy: 'load-over' });

export const catalogueEntries: readonly CatalogueEntry[] = Object.freeze([
  // limits off by one / measured wrongly
  contracts(groupLimit21),
  contracts(markItemsLimit101),
  contracts(groupNameLimit33),
  contracts(renameNameLimit33),
  contracts(namesCountedInChars),
  contracts(searchItemsLimit301),
  contracts(conversationLimit1001),
  contracts(customMarkLimit257),
  // wrong error code for a documented case
  contracts(groupLimitCodeAsNameCode),
  contracts(groupNotFoundAsInvalidParameter),
  contracts(markCountAsInvalidParameter),
  contracts(expiredUsersigAsInvalid),
  contracts(dismissedGroupMarkReportedOk),
  // envelope lies
  contracts(markSuccessAsFail),
  contracts(createSuccessAsInternalError),
  contracts(nameInvalidReportedOk),
  // missing or mistyped response fields
  contracts(contactTimestampMissing),
  contracts(nextStartIndexMissing),
  contracts(getGroupItemMissing),
  contracts(groupIdAsString),
  contracts(timestampAsString),
  // paging
  contracts(startIndexIgnored),
  contracts(completeFlagAlways1),
  contracts(completeFlagAlways0),
  // mark and group semantics
  contracts(clearMarkIgnored),
  contracts(markBitOffByOne),
  contracts(customMarkTruncated),
  contracts(deletedGroupStillListed),
  contracts(deletedGroupIdKept),
  // authentication and authorisation
  contracts(expiredUsersigAccepted),
  contracts(wrongKeyUsersigAccepted),
  contracts(nonAdminAccepted),
  // rate limiting
  loadOver(rateLimitOff),
  loadOver(rateLimit100),
  loadOver(throttleCodeAsInternalError),
]);

export const catalogue: readonly EmulatorVariant[] = Object.freeze(catalogueEntries.map((e) => e.variant));

const byName = new Map(catalogueEntries.map((e) => [e.variant.name, e]));

export function getVariant(name: string): EmulatorVariant | undefined {
  return byName.get(name)?.variant;
}

export function getCatalogueEntry(name: string): CatalogueEntry | undefined {
  return byName.get(name);
}
