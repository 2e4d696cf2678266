import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting } from '../corrupt.ts';
import { createGroup, getPage } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: get_contact_group successes lack the GroupItem list. */
export const getGroupItemMissing: CatalogueVariant = {
  name: 'get-group-item-missing',
  description: 'get_contact_group answers without GroupItem (the user\'s conversation groups)',
  killedBy: 'contracts',
  ...corrupting('drop', ['get_contact_group:GroupItem']),
  seenBy: ['get: a user without data', 'get: returns every group'],
  probe: {
    scenario: 'get_contact_group after creating g; GroupItem names',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g'));
      return (await getPage(p)).GroupItem?.map((g: Body) => g.GroupName) ?? null;
    },
    correct: ['g'],
    variant: null,
  },
};
