/** recentcontact/del_contact_group: delete one group by name; its id leaves every conversation. */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, ok } from '../reply.ts';
import { checkRequest, editionReply, INVALID, isUser, requireUser, type Handler } from './context.ts';
import type { DelContactGroupReq } from './types.ts';

export const delContactGroup: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID);
  if (invalid) return invalid;
  const req = body as DelContactGroupReq;
  const name = req.GroupName[0];
  if (req.GroupName.length !== 1 || name === undefined) return fail(INVALID, 'exactly one group name per request');
  const edition = editionReply(ctx);
  if (edition) return edition;
  const user = requireUser(ctx, req.From_Account);
  if (!isUser(user)) return user;
  const group = user.groupsByName.get(name);
  if (!group) return fail(ErrorCodes.CONTACT_GROUP_NOT_FOUND, `conversation group ${name} does not exist`);
  if (!ctx.quirks.deleteDoesNotDelete) user.deleteGroup(group, ctx.now, ctx.quirks.keepGroupIdsOnDelete);
  return ok({ GroupItem: [{ GroupName: group.GroupName, GroupId: group.GroupId }] });
};
