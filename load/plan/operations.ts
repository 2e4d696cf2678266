/**
 * The request body of each command's load operation, from its per-command ordinal. Every operation
 * is state-stable at any rate and whatever the server answers:
 * - get / search: reads;
 * - mark: sets or clears standard-mark bit MARK_BIT of one of a user's four conversations (toggle);
 * - update: adds or removes one conversation of the user's fixed group (idempotent by choice);
 * - create / del: the churn of churn.ts.
 */
import type { LoadCommand } from './commands.ts';
import type { Churn } from './churn.ts';
import { FIXED_GROUP, type Pool } from './user-pool.ts';

export const MARK_BIT = 1;

/** Phase of an operation on (user, conversation): flips every full pass over users × 4 conversations. */
function phase(ordinal: number, users: number): { user: number; contact: number; even: boolean } {
  const user = ordinal % users;
  const contact = Math.floor(ordinal / users) % 4;
  const even = Math.floor(ordinal / (users * 4)) % 2 === 0;
  return { user, contact, even };
}

export function bodyFor(command: LoadCommand, ordinal: number, pool: Pool, churn: Churn): Record<string, unknown> {
  switch (command) {
    case 'recentcontact/get_contact_group':
      return { From_Account: pool.user(ordinal), StartIndex: 0 };
    case 'recentcontact/search_contact_group':
      return { From_Account: pool.user(ordinal), ContactItem: pool.contacts(ordinal % pool.size) };
    case 'recentcontact/mark_contact': {
      const p = phase(ordinal, pool.size);
      const item = { OptType: 1, ContactItem: pool.contact(p.user, p.contact), ...(p.even ? { SetMark: [MARK_BIT] } : { ClearMark: [MARK_BIT] }) };
      return { From_Account: pool.user(p.user), MarkItem: [item] };
    }
    case 'recentcontact/update_contact_group': {
      const p = phase(ordinal, pool.size);
      return {
        From_Account: pool.user(p.user),
        UpdateType: 1,
        UpdateGroup: {
          UpdateGroupType: 2,
          OldGroupName: FIXED_GROUP,
          ContactUpdateItem: [{ ContactOptType: p.even ? 1 : 2, ContactItem: pool.contact(p.user, p.contact) }],
        },
      };
    }
    case 'recentcontact/create_contact_group':
      return createBody(pool, churn, ordinal);
    case 'recentcontact/del_contact_group': {
      const s = churn.slotOf(churn.pairedCreate(ordinal));
      return { From_Account: pool.user(s.user), GroupName: [s.name] };
    }
  }
}

/** Body of create number k (also used for the warm-up creates, k < 0). */
export function createBody(pool: Pool, churn: Churn, k: number): Record<string, unknown> {
  const s = churn.slotOf(k);
  return { From_Account: pool.user(s.user), GroupContactItem: [{ GroupName: s.name, ContactItem: [pool.contact(s.user, s.slot)] }] };
}
