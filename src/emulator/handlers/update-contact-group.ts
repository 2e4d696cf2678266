/** recentcontact/update_contact_group: rename (UpdateGroupType 1) or add/remove conversations (type 2). */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, itemResult, ok } from '../reply.ts';
import { contactRef, renderContact } from '../state/conversation.ts';
import { asRecord, checkSchema, editionReply, groupConversionCode, INVALID, isUser, nameFits, requireUser, type Handler } from './context.ts';
import type { UpdateContactGroupReq } from './types.ts';

const LIMIT_PATHS = [{ path: /^\/UpdateGroup\/NewGroupName$/ }];

export const updateContactGroup: Handler = (body, ctx) => {
  const ug = asRecord(asRecord(body)?.UpdateGroup);
  const max = ctx.config.limits.maxNewGroupNameBytes;
  if (typeof ug?.NewGroupName === 'string' && !nameFits(ctx, ug.NewGroupName, max)) {
    return fail(ErrorCodes.CONTACT_GROUP_NAME_INVALID, `new group name must be 1 to ${max} bytes`);
  }
  const invalid = checkSchema(ctx.command, body, INVALID, LIMIT_PATHS);
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
    if (user.groupsByName.has(newName)) return fail(INVALID, 'invalid parameter: /UpdateGroup/NewGroupName already exists');
    user.renameGroup(group, newName);
    return ok({ UpdateType: 1, UpdateGroupResult: { UpdateGroupType: 1, GroupName: newName, OldGroupName: oldName, GroupId: group.GroupId } });
  }

  const cap = ctx.config.limits.maxConversationsWithData;
  const results = (req.UpdateGroup.ContactUpdateItem ?? []).map((u) => {
    const ref = contactRef(u.ContactItem);
    let code = groupConversionCode(ctx, ref);
    if (code === ErrorCodes.OK) {
      code = u.ContactOptType === 1 ? user.addToGroup(ref, group.GroupId, ctx.now, cap) : user.removeFromGroup(ref, group.GroupId, ctx.now, cap);
    }
    return { ContactOptType: u.ContactOptType, ContactItem: renderContact(ref), ...itemResult(ctx.quirks, code) };
  });
  return ok({
    UpdateType: 1,
    UpdateGroupResult: { UpdateGroupType: 2, GroupName: group.GroupName, OldGroupName: oldName, GroupId: group.GroupId, ContactResultItem: results },
  });
};
