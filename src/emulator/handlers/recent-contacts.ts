/**
 * recentcontact/get_list and recentcontact/delete: a minimal, consistent recent-contact list. The mark_contact
 * page says conversation-group and mark data are independent of recent contacts, so no group or mark write adds
 * or refreshes an entry; the emulator has no messages, so entries come only from seeding (UserData.addSession),
 * and delete removes one from the list only, never group/mark data.
 */
import { ok } from '../reply.ts';
import type { ContactRef } from '../state/conversation.ts';
import { pageOf, userHandler } from './context.ts';
import type { DeleteReq, GetListReq } from './types.ts';

export const getList = userHandler<GetListReq>((req, user, ctx) => {
  const { page, complete, next } = pageOf(user.sessionList(), req.StartIndex, ctx.config.pageSize);
  const cursor = req.TimeStamp > 0 ? req.TimeStamp : ctx.now;
  return ok({
    SessionItem: page.map((s) =>
      s.Type === 1 ? { Type: 1, To_Account: s.peer, MsgTime: s.msgTime, TopFlag: 0 } : { Type: 2, GroupId: s.peer, MsgTime: s.msgTime, TopFlag: 0 },
    ),
    CompleteFlag: complete ? 1 : 0,
    TimeStamp: cursor,
    StartIndex: next,
    TopTimeStamp: cursor,
    TopStartIndex: 0,
  });
});

export const deleteSession = userHandler<DeleteReq>((req, user) => {
  const ref: ContactRef = req.Type === 1 ? { Type: 1, peer: req.To_Account ?? '' } : { Type: 2, peer: req.ToGroupid ?? '' };
  user.deleteSession(ref);
  return ok();
});
