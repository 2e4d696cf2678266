/** recentcontact/create_contact_group: one group per request, with its conversations (per-item results). */
import { ErrorCodes } from '../../errors/index.ts';
import { rules } from '../../rules/index.ts';
import { fail, itemResult, ok } from '../reply.ts';
import { contactRef, renderContact } from '../state/conversation.ts';
import { capOf, checkRequest, duplicateName, topLevelCode, editionReply, groupConversionCode, INVALID, isUser, requireUser, type Handler } from './context.ts';
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
  if (user.groupsByName.has(item.GroupName)) return duplicateName(ctx, '/GroupContactItem/0/GroupName');
  if (user.groups.size >= ctx.config.limits.maxGroupsPerUser) return fail(rules.maxGroupsPerUser.code);
  user.begin();
  const group = user.createGroup(item.GroupName);
  const cap = capOf(ctx);
  const refs = item.ContactItem.map(contactRef);
  const codes = refs.map((ref) => {
    const code = groupConversionCode(ctx, ref);
    return code === ErrorCodes.OK ? user.addToGroup(ref, group.GroupId, ctx.now, cap) : code;
  });
  const top = topLevelCode(ctx, codes);
  if (top !== undefined) {
    user.rollback();
    user.uncreateGroup(group);
    return fail(top);
  }
  user.commit();
  const results = refs.map((ref, i) => ({ ContactItem: renderContact(ref), ...itemResult(ctx, codes[i] as number) }));
  return ok({ GroupResultItem: [{ GroupItem: { GroupName: group.GroupName, GroupId: group.GroupId }, ResultItem: results }] });
};
