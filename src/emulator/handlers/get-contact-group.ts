/** recentcontact/get_contact_group: one page of the user's conversations with data, plus all groups. */
import { ok } from '../reply.ts';
import { checkRequest, INVALID, isUser, requireUser, type Handler } from './context.ts';
import type { GetContactGroupReq } from './types.ts';

export const getContactGroup: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID);
  if (invalid) return invalid;
  const req = body as GetContactGroupReq;
  const user = requireUser(ctx, req.From_Account);
  if (!isUser(user)) return user;
  const all = user.orderedKeys();
  const start = ctx.quirks.ignoreStartIndex ? 0 : req.StartIndex;
  const page = all.slice(start, start + ctx.config.pageSize);
  const end = start + page.length;
  const complete = end >= all.length;
  return ok({
    ContactItem: page.map((key) => user.render(key, ctx.config.choices)),
    GroupItem: user.groupItems(),
    CompleteFlag: complete ? 1 : 0,
    NextStartIndex: complete ? 0 : end,
  });
};
