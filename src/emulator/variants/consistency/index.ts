/** consistency/: a field that disagrees with another field of the same answer, or with what an earlier answer or write said. */
import type { CatalogueVariant } from '../types.ts';
import { getContactGroupIdDangling } from './get-contact-group-id-dangling.ts';
import { getToAccountAltered } from './get-to-account-altered.ts';
import { searchConversationInEveryGroup } from './search-conversation-in-every-group.ts';
import { searchGroupNameAltered } from './search-group-name-altered.ts';
import { searchMarkDiffersFromGet } from './search-mark-differs-from-get.ts';
import { timestampFrozen } from './timestamp-frozen.ts';

export const consistencyVariants: readonly CatalogueVariant[] = [
  getContactGroupIdDangling,
  getToAccountAltered,
  searchConversationInEveryGroup,
  searchGroupNameAltered,
  searchMarkDiffersFromGet,
  timestampFrozen,
];
