/** recentcontact/search_contact_group: the group/mark data of the given conversations (at most rules.maxSearchItems). */
import { ok } from '../reply.ts';
import { contactKey, contactRef, groupIds, renderConversation } from '../state/conversation.ts';
import { userHandler } from './context.ts';
import type { SearchContactGroupReq } from './types.ts';

// the ContactItem count rule (its code a doc-silent choice, configured limit) is checked by checkRequest first
export const searchContactGroup = userHandler<SearchContactGroupReq>((req, user, ctx) => {
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
    found.push(renderConversation(key, c, ctx.config.choices));
    for (const id of groupIds(c)) referenced.add(id);
  }
  const groups = user.groupItems().filter((g) => referenced.has(g.GroupId));
  return ok({ ContactResultItem: found, GroupItem: groups });
});
