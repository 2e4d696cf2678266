import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting } from '../corrupt.ts';
import { c2c, createGroup, PROBE_USER } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: update_contact_group's per-conversation results all say ContactOptType 1. */
export const updateItemOptTypeEchoWrong: CatalogueVariant = {
  name: 'update-item-opt-type-echo-wrong',
  description: 'update_contact_group answers ContactOptType 1 (add) for every conversation, also for those the request removed',
  killedBy: 'contracts',
  ...corrupting('value', ['update_contact_group:UpdateGroupResult.ContactResultItem[].ContactOptType'], () => 1),
  seenBy: ['update: add and remove'],
  probe: {
    scenario: 'create g with a, update g: add b, remove a; ContactOptType of each result',
    run: async (p) => {
      await p.call(CM.createContactGroup, createGroup('g', [c2c('a')]));
      const ContactUpdateItem = [
        { ContactOptType: 1, ContactItem: c2c('b') },
        { ContactOptType: 2, ContactItem: c2c('a') },
      ];
      const body = { From_Account: PROBE_USER, UpdateType: 1, UpdateGroup: { UpdateGroupType: 2, OldGroupName: 'g', ContactUpdateItem } };
      return (await p.call(CM.updateContactGroup, body)).UpdateGroupResult.ContactResultItem.map((i: Body) => i.ContactOptType);
    },
    correct: [1, 2],
    variant: [1, 1],
  },
};
