/** recentcontact/get_contact_group: one page of the user's conversations with data, plus all groups. */
import { ok } from '../reply.ts';
import { pageOf, userHandler } from './context.ts';
import type { GetContactGroupReq } from './types.ts';

export const getContactGroup = userHandler<GetContactGroupReq>((req, user, ctx) => {
  const { page, complete, next } = pageOf(user.orderedKeys(), ctx.quirks.ignoreStartIndex ? 0 : req.StartIndex, ctx.config.pageSize);
  return ok({
    ContactItem: page.map((key) => user.render(key, ctx.config.choices)),
    GroupItem: user.groupItems(),
    CompleteFlag: complete ? 1 : 0,
    NextStartIndex: next,
  });
});
