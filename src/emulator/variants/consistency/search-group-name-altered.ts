import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting, upperCased } from '../corrupt.ts';
import { c2c, createGroup, search } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: search_contact_group lists its groups with upper-cased names. */
export const searchGroupNameAltered: CatalogueVariant = {
  name: 'search-group-name-altered',
  description: 'search_contact_group lists each group with its GroupName upper-cased, not the name it was created with (get_contact_group has it right)',
  killedBy: 'contracts',
  ...corrupting('disagree', ['search_contact_group:GroupItem[].GroupName'], upperCased),
  seenBy: ['flow: create → add/remove', 'search: returns the data'],
  probe: {
    scenario: 'create g with p; search p; GroupItem names',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g', [c2c('p')]));
      return (await p.call(CM.searchContactGroup, search(['p']))).GroupItem.map((g: Body) => g.GroupName);
    },
    correct: ['g'],
    variant: ['G'],
  },
};
