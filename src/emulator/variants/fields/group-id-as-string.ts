import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { createGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** Every numeric `GroupId` in the value, as a string ("1" instead of 1). */
function stringifyGroupIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stringifyGroupIds);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'GroupId' && typeof v === 'number' ? String(v) : stringifyGroupIds(v);
  return out;
}

/** Response hook: the conversation-group commands answer GroupId as a string. */
export const groupIdAsString: CatalogueVariant = {
  name: 'group-id-as-string',
  description: 'the recentcontact commands answer conversation-group GroupId as a string ("1") instead of an integer',
  killedBy: 'contracts',
  fields: [
    { field: 'create_contact_group:GroupResultItem[].GroupItem.GroupId', how: 'mistype' },
    { field: 'del_contact_group:GroupItem[].GroupId', how: 'mistype' },
    { field: 'get_contact_group:GroupItem[].GroupId', how: 'mistype' },
    { field: 'search_contact_group:GroupItem[].GroupId', how: 'mistype' },
    { field: 'update_contact_group:UpdateGroupResult.GroupId', how: 'mistype' },
  ],
  seenBy: ['create: a group with a C2C'],
  transformResponse(command, _request, response) {
    return command.startsWith('recentcontact/') ? stringifyGroupIds(response) : response;
  },
  probe: {
    scenario: 'create; type of GroupId',
    run: async (p) => typeof (await p.call(CM.createContactGroup, createGroup('g'))).GroupResultItem[0].GroupItem.GroupId,
    correct: 'number',
    variant: 'string',
  },
};
