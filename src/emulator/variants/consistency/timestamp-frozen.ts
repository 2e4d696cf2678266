import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupted, editSuccess, inConversations } from '../corrupt.ts';
import { getPage, mark, c2c } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** The first Timestamp answered per user and conversation (the variant's memory, per process). */
const first = new Map<string, number>();
const keyOf = (user: unknown, c: Body): string => `${String(user)}|${c.Type}|${c.To_Account ?? c.ToGroupId}`;
const freeze = (user: unknown, items: unknown): void => {
  for (const c of Array.isArray(items) ? (items as Body[]) : []) {
    if (typeof c?.Timestamp !== 'number') continue;
    const k = keyOf(user, c);
    if (!first.has(k)) first.set(k, c.Timestamp);
    c.Timestamp = first.get(k);
  }
};

/** The wait between the probe's two changes: the Timestamp counts whole seconds. */
const NEXT_SECOND_MS = 1100;

/** Response hook: a conversation's Timestamp never moves after it is first answered. */
export const timestampFrozen: CatalogueVariant = {
  name: 'timestamp-frozen',
  description: 'get/search_contact_group keep answering the Timestamp a conversation had when first read: a later change of its marks does not move it',
  killedBy: 'contracts',
  fields: corrupted('disagree', inConversations('Timestamp')),
  seenBy: ['get: Timestamp is set'],
  transformResponse: editSuccess([CM.getContactGroup, CM.searchContactGroup], (b, request) => {
    freeze(request?.From_Account, b.ContactItem);
    freeze(request?.From_Account, b.ContactResultItem);
  }),
  probe: {
    scenario: 'custom-mark p, read, wait into the next second, change the mark, read; did the Timestamp move',
    run: async (p) => {
      const custom = (v: string) => mark([{ OptType: 2, ContactItem: c2c('p'), CustomMark: v }]);
      await p.call(CM.markContact, custom('v1'));
      const t1 = (await getPage(p)).ContactItem[0].Timestamp;
      await new Promise((r) => setTimeout(r, NEXT_SECOND_MS));
      await p.call(CM.markContact, custom('v2'));
      return (await getPage(p)).ContactItem[0].Timestamp > t1;
    },
    correct: true,
    variant: false,
  },
};
