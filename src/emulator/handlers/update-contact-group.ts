/** recentcontact/update_contact_group: rename (UpdateGroupType 1) or add/remove conversations (type 2). */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, itemResult, ok } from '../reply.ts';
import { contactRef, renderContact } from '../state/conversation.ts';
import { capOf, checkRequest, duplicateName, topLevelCode, editionReply, groupConversionCode, INVALID, isUser, requireUser, type Handler } from './context.ts';
import type { UpdateContactGroupReq } from './types.ts';

export const updateContactGroup: Handler = (body, ctx) => {
  // the NewGroupName rule (CONTACT_GROUP_NAME_INVALID, configured limit) is checked by checkRequest before the schema
  const invalid = checkRequest(ctx, body, INVALID);
  if (invalid) return invalid;
  const req = body as UpdateContactGroupReq;
  const edition = editionReply(ctx);
  if (edition) return edition;
  const user = requireUser(ctx, req.From_Account);
  if (!isUser(user)) return user;
  const { OldGroupName: oldName, UpdateGroupType: type } = req.UpdateGroup;
  const group = user.groupsByName.get(oldName);
  if (!group) return fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND, `conversation group ${oldName} does not exist`);

  if (type === 1) {
    const newName = req.UpdateGroup.NewGroupName ?? '';
    if (user.groupsByName.has(newName)) return duplicateName(ctx, '/UpdateGroup/NewGroupName');
    user.renameGroup(group, newName);
    return ok({ UpdateType: 1, UpdateGroupResult: { UpdateGroupType: 1, GroupName: newName, OldGroupName: oldName, GroupId: group.GroupId } });
  }

  const cap = capOf(ctx);
  const items = req.UpdateGroup.ContactUpdateItem ?? [];
  user.begin();
  const codes = items.map((u) => {
    const ref = contactRef(u.ContactItem);
    const code = groupConversionCode(ctx, ref);
    if (code !== ErrorCodes.OK) return code;
    return u.ContactOptType === 1 ? user.addToGroup(ref, group.GroupId, ctx.now, cap) : user.removeFromGroup(ref, group.GroupId, ctx.now, cap);
  });
  const top = topLevelCode(ctx, codes);
  if (top !== undefined) {
    user.rollback();
    return fail(top);
  }
  user.commit();
  const results = items.map((u, i) => ({ ContactOptType: u.ContactOptType, ContactItem: renderContact(contactRef(u.ContactItem)), ...itemResult(ctx, codes[i] as number) }));
  return ok({
    UpdateType: 1,
    UpdateGroupResult: { UpdateGroupType: 2, GroupName: group.GroupName, OldGroupName: oldName, GroupId: group.GroupId, ContactResultItem: results },
  });
};
