/** recentcontact/create_contact_group: one group per request, with its conversations (per-item results). */
import { ErrorCodes } from '../../errors/index.ts';
import { choices, rules } from '../../rules/index.ts';
import { fail, itemResult, ok } from '../reply.ts';
import { contactRef, renderContact } from '../state/conversation.ts';
import { checkRequest, editionReply, groupConversionCode, INVALID, isUser, requireUser, type Handler } from './context.ts';
import type { CreateContactGroupReq } from './types.ts';

export const createContactGroup: Handler = (body, ctx) => {
  // the GroupName rule (CONTACT_GROUP_NAME_INVALID, configured limit) is checked by checkRequest before the schema
  const invalid = checkRequest(ctx, body, INVALID);
  if (invalid) return invalid;
  const req = body as CreateContactGroupReq;
  const item = req.GroupContactItem[0];
  if (req.GroupContactItem.length !== 1 || !item) return fail(INVALID, 'exactly one group per request');
  const edition = editionReply(ctx);
  if (edition) return edition;
  const user = requireUser(ctx, req.From_Account);
  if (!isUser(user)) return user;
  if (user.groupsByName.has(item.GroupName)) return fail(choices.duplicateGroupName.default, 'invalid parameter: /GroupContactItem/0/GroupName already exists');
  if (user.groups.size >= ctx.config.limits.maxGroupsPerUser) return fail(rules.maxGroupsPerUser.code);
  const group = user.createGroup(item.GroupName);
  const cap = ctx.config.limits.maxConversationsWithData;
  const results = item.ContactItem.map((ci) => {
    const ref = contactRef(ci);
    let code = groupConversionCode(ctx, ref);
    if (code === ErrorCodes.OK) code = user.addToGroup(ref, group.GroupId, ctx.now, cap);
    return { ContactItem: renderContact(ref), ...itemResult(ctx.quirks, code) };
  });
  return ok({ GroupResultItem: [{ GroupItem: { GroupName: group.GroupName, GroupId: group.GroupId }, ResultItem: results }] });
};
