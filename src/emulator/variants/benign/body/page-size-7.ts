import type { BenignVariant } from '../../../types.ts';

const PAGE = 7;

/** A small get_contact_group page: readers must follow NextStartIndex/CompleteFlag. */
export const pageSize7: BenignVariant = {
  name: 'page-size-7',
  description: `get_contact_group pages ${PAGE} conversations (the default: 100); paging must follow NextStartIndex/CompleteFlag`,
  kind: 'benign',
  config: { pageSize: PAGE },
  docs: 'get_contact_group documents StartIndex, NextStartIndex and CompleteFlag but not the page size',
};
