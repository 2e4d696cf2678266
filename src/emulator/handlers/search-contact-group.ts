/** recentcontact/search_contact_group: the group/mark data of the given conversations (≤ 300). */
import { fail, ok } from '../reply.ts';
import { contactKey, contactRef, groupIds, renderConversation } from '../state/conversation.ts';
import { asRecord, checkSchema, INVALID, isUser, requireUser, type Handler } from './context.ts';
import type { SearchContactGroupReq } from './types.ts';

const LIMIT_PATHS = [{ path: /^\/ContactItem$/ }];

export const searchContactGroup: Handler = (body, ctx) => {
  const items = asRecord(body)?.ContactItem;
  const max = ctx.config.limits.maxSearchItems;
  if (Array.isArray(items) && (items.length === 0 || items.length > max)) {
    return fail(INVALID, `invalid parameter: /ContactItem must have 1 to ${max} conversations`);
  }
  const invalid = checkSchema(ctx.command, body, INVALID, LIMIT_PATHS);
  if (invalid) return invalid;
  const req = body as SearchContactGroupReq;
  const user = requireUser(ctx, req.From_Account);
  if (!isUser(user)) return user;
  const seen = new Set<string>();
  const found: Record<string, unknown>[] = [];
  const referenced = new Set<number>();
  for (const ci of req.ContactItem) {
    const ref = contactRef(ci);
    const key = contactKey(ref.Type, ref.peer);
    if (seen.has(key)) continue;
    seen.add(key);
    const c = user.conversations.get(key);
    if (!c) continue;
    found.push(renderConversation(key, c));
    for (const id of groupIds(c)) referenced.add(id);
  }
  const groups = user.groupItems().filter((g) => referenced.has(g.GroupId));
  return ok({ ContactResultItem: found, GroupItem: groups });
};
