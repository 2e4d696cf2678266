/**
 * The mutation catalogue of the self-check (`tcim-harness selfcheck`): every plausible server bug the
 * harness must notice. Each variant is one object in its own file (its emulator change, description,
 * the suite that must kill it, and its probe — see types.ts); this file only lists them, grouped by
 * folder: what the variant breaks; the generated family (fields/generated.ts) follows. The order is the order of the self-check's runs and reports.
 * Names are unique and kebab-case; `baseline` is reserved for the untouched emulator.
 */
import { expiredUsersigAccepted } from './auth/expired-usersig-accepted.ts';
import { nonAdminAccepted } from './auth/non-admin-accepted.ts';
import { wrongKeyUsersigAccepted } from './auth/wrong-key-usersig-accepted.ts';
import { dismissedGroupMarkReportedOk } from './codes/dismissed-group-mark-reported-ok.ts';
import { expiredUsersigAsInvalid } from './codes/expired-usersig-as-invalid.ts';
import { groupLimitCodeAsNameCode } from './codes/group-limit-code-as-name-code.ts';
import { groupNotFoundAsInvalidParameter } from './codes/group-not-found-as-invalid-parameter.ts';
import { markCountAsInvalidParameter } from './codes/mark-count-as-invalid-parameter.ts';
import { createSuccessAsInternalError } from './envelope/create-success-as-internal-error.ts';
import { markSuccessAsFail } from './envelope/mark-success-as-fail.ts';
import { nameInvalidReportedOk } from './envelope/name-invalid-reported-ok.ts';
import { contactTimestampMissing } from './fields/contact-timestamp-missing.ts';
import { getGroupItemMissing } from './fields/get-group-item-missing.ts';
import { groupIdAsString } from './fields/group-id-as-string.ts';
import { nextStartIndexMissing } from './fields/next-start-index-missing.ts';
import { timestampAsString } from './fields/timestamp-as-string.ts';
import { deletedGroupIdKept } from './groups/deleted-group-id-kept.ts';
import { deletedGroupStillListed } from './groups/deleted-group-still-listed.ts';
import { conversationLimit1001 } from './limits/conversation-limit-1001.ts';
import { customMarkLimit257 } from './limits/custom-mark-limit-257.ts';
import { groupLimit21 } from './limits/group-limit-21.ts';
import { groupNameLimit33 } from './limits/group-name-limit-33.ts';
import { markItemsLimit101 } from './limits/mark-items-limit-101.ts';
import { namesCountedInChars } from './limits/names-counted-in-chars.ts';
import { renameNameLimit33 } from './limits/rename-name-limit-33.ts';
import { searchItemsLimit301 } from './limits/search-items-limit-301.ts';
import { clearMarkIgnored } from './marks/clear-mark-ignored.ts';
import { customMarkTruncated } from './marks/custom-mark-truncated.ts';
import { markBitOffByOne } from './marks/mark-bit-off-by-one.ts';
import { completeFlagAlways0 } from './paging/complete-flag-always-0.ts';
import { completeFlagAlways1 } from './paging/complete-flag-always-1.ts';
import { startIndexIgnored } from './paging/start-index-ignored.ts';
import { rateLimit100 } from './rate/rate-limit-100.ts';
import { rateLimitOff } from './rate/rate-limit-off.ts';
import { throttleCodeAsInternalError } from './rate/throttle-code-as-internal-error.ts';
import type { CatalogueVariant } from './types.ts';
import { consistencyVariants } from './consistency/index.ts';
import { fieldVariants } from './fields/generated.ts';
import { valueVariants } from './values/index.ts';

export type { CatalogueVariant, KilledBy, VariantProbe, ProbeContext } from './types.ts';

/** The hand-written variants: one plausible server bug each, in its own file. */
export const handWritten: readonly CatalogueVariant[] = [
  // limits/: limits off by one or measured wrongly
  groupLimit21,
  markItemsLimit101,
  groupNameLimit33,
  renameNameLimit33,
  namesCountedInChars,
  searchItemsLimit301,
  conversationLimit1001,
  customMarkLimit257,
  // codes/: the wrong error code for a documented case
  groupLimitCodeAsNameCode,
  groupNotFoundAsInvalidParameter,
  markCountAsInvalidParameter,
  expiredUsersigAsInvalid,
  dismissedGroupMarkReportedOk,
  // envelope/: ActionStatus and ErrorCode that lie
  markSuccessAsFail,
  createSuccessAsInternalError,
  nameInvalidReportedOk,
  // fields/: missing or mistyped response fields
  contactTimestampMissing,
  nextStartIndexMissing,
  getGroupItemMissing,
  groupIdAsString,
  timestampAsString,
  // paging/
  startIndexIgnored,
  completeFlagAlways1,
  completeFlagAlways0,
  // marks/ and groups/: mark and group semantics
  clearMarkIgnored,
  markBitOffByOne,
  customMarkTruncated,
  deletedGroupStillListed,
  deletedGroupIdKept,
  // auth/: authentication and authorisation
  expiredUsersigAccepted,
  wrongKeyUsersigAccepted,
  nonAdminAccepted,
  // rate/: rate limiting (killed by the load profile `over`)
  rateLimitOff,
  rateLimit100,
  throttleCodeAsInternalError,
  // values/: a documented response field with a wrong value
  ...valueVariants,
  // consistency/: a field that disagrees with another field of the answer or with an earlier answer
  ...consistencyVariants,
];

export const catalogue: readonly CatalogueVariant[] = Object.freeze([
  ...handWritten,
  // fields/generated.ts: one mechanical mutant (drop or mistype) per documented response field, from the schemas
  ...fieldVariants(handWritten),
]);

const byName = new Map(catalogue.map((v) => [v.name, v]));

/** The catalogued variant called `name` (select.ts finds it through this lookup). */
export function getVariant(name: string): CatalogueVariant | undefined {
  return byName.get(name);
}
