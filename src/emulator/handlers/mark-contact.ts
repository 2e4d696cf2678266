/** recentcontact/mark_contact: standard (64-bit) and custom marks, per-item results. */
import { ErrorCodes } from '../../errors/index.ts';
import { storedCustomMark } from '../quirks.ts';
import { fail, itemResult, ok } from '../reply.ts';
import { contactRef, renderContact, setMarkBit, type Conversation } from '../state/conversation.ts';
import type { Quirks } from '../types.ts';
import { capOf, checkRequest, topLevelCode, groupConversionCode, INVALID, isUser, requireUser, type Handler } from './context.ts';
import type { MarkContactReq, MarkItemReq } from './types.ts';

/** OptType 1 = standard only, 2 = custom only, 3 = both; ClearMark before SetMark. Returns whether data changed. */
export function applyMark(c: Conversation, item: MarkItemReq, quirks: Quirks): boolean {
  let changed = false;
  if (item.OptType !== 2) {
    const { markLo, markHi } = c;
    if (!quirks.ignoreClearMark) for (const bit of item.ClearMark ?? []) setMarkBit(c, bit, false);
    for (const bit of item.SetMark ?? []) setMarkBit(c, bit + quirks.markBitOffset, true);
    if (c.markLo !== markLo || c.markHi !== markHi) changed = true;
  }
  if (item.OptType !== 1 && item.CustomMark !== undefined) {
    const custom = storedCustomMark(quirks, item.CustomMark);
    if (custom !== c.custom) {
      c.custom = custom;
      changed = true;
    }
  }
  return changed;
}

export const markContact: Handler = (body, ctx) => {
  // the MarkItem count (MARK_ITEM_COUNT_OUT_OF_RANGE) and CustomMark rules, with their configured limits, come first in checkRequest
  const early = checkRequest(ctx, body, INVALID);
  if (early) return early;
  const cap = capOf(ctx);
  const req = body as MarkContactReq;
  const user = requireUser(ctx, req.From_Account);
  if (!isUser(user)) return user;
  const standard = ctx.config.edition === 'standard';
  user.begin();
  const codes = req.MarkItem.map((item) => {
    const ref = contactRef(item.ContactItem);
    const code = standard && item.OptType !== 2 ? ErrorCodes.EDITION_NOT_SUPPORTED : groupConversionCode(ctx, ref);
    return code === ErrorCodes.OK ? user.update(ref, ctx.now, cap, (c) => applyMark(c, item, ctx.quirks)) : code;
  });
  const top = topLevelCode(ctx, codes);
  if (top !== undefined) {
    user.rollback();
    return fail(top);
  }
  user.commit();
  const results = req.MarkItem.map((item, i) => ({ OptType: item.OptType, ContactItem: renderContact(contactRef(item.ContactItem)), ...itemResult(ctx, codes[i] as number) }));
  return ok({ ResultItem: results });
};
