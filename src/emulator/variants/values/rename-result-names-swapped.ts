import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupted, editSuccess } from '../corrupt.ts';
import { createGroup, renameGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Response hook: update_contact_group answers GroupName and OldGroupName the wrong way round. */
export const renameResultNamesSwapped: CatalogueVariant = {
  name: 'rename-result-names-swapped',
  description: 'update_contact_group answers UpdateGroupResult.GroupName with the old name and OldGroupName with the new one',
  killedBy: 'contracts',
  fields: corrupted('value', ['update_contact_group:UpdateGroupResult.GroupName', 'update_contact_group:UpdateGroupResult.OldGroupName']),
  seenBy: ['update: rename keeps'],
  transformResponse: editSuccess(CM.updateContactGroup, (b) => {
    const r = b.UpdateGroupResult;
    if (r && r.GroupName !== r.OldGroupName) [r.GroupName, r.OldGroupName] = [r.OldGroupName, r.GroupName];
  }),
  probe: {
    scenario: 'create a, rename a → b; [GroupName, OldGroupName] of the answer',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('a'));
      const r = (await p.call(CM.updateContactGroup, renameGroup('a', 'b'))).UpdateGroupResult;
      return [r.GroupName, r.OldGroupName];
    },
    correct: ['b', 'a'],
    variant: ['a', 'b'],
  },
};
