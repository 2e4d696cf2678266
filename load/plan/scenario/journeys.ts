/**
 * What each journey step sends. Journey number G (numbered in start order over all journeys of the
 * scenario) belongs to pool user G mod U and acts on its own conversation group `ld-j<slot>`, slot
 * ⌊G / U⌋ mod JOURNEY_SLOTS: create makes it with the user's conversation A, update adds (then
 * removes, then adds …) conversation B, del deletes it; mark sets (then clears) standard-mark bit
 * JOURNEY_MARK_BIT of A; get and search read the user. A slot is reused only U · JOURNEY_SLOTS
 * journeys later — long after its journey ended (journeyUsers sizes U for that) — so any rate keeps
 * the state stable, and a user holds at most ld-fix + CHURN_SLOTS + JOURNEY_SLOTS groups.
 */
import { rules } from '../../../src/rules/index.ts';
import type { LoadCommand } from '../commands.ts';
import { MARK_BIT } from '../operations.ts';
import { CHURN_SLOTS, type Pool } from '../user-pool.ts';

export const JOURNEY_PREFIX = 'ld-j';
/** Journey groups per user: what the group cap leaves after ld-fix and the churn slots, one kept spare. */
export const JOURNEY_SLOTS = rules.maxGroupsPerUser.limit - CHURN_SLOTS - 2;
if (JOURNEY_SLOTS < 1) throw new Error('no room for journey groups under maxGroupsPerUser');
/** A different mark bit from the mix's toggles, so the two never undo each other. */
export const JOURNEY_MARK_BIT = MARK_BIT + 1;

export interface JourneyStep {
  /** Index of the journey in the scenario's list. */
  type: number;
  /** Journey number G over the whole scenario (start order). */
  no: number;
  /** Index of the step in the journey. */
  step: number;
}

/** Users the journeys need so that a group slot is reused only after its journey (longestSteps seconds) ended, with two seconds to spare. */
export const journeyUsers = (journeysPerSecond: number, longestSteps: number): number => Math.ceil((journeysPerSecond * (longestSteps + 2)) / JOURNEY_SLOTS);

/** The user (pool index) and group name journey `no` acts on. */
export function journeySlot(pool: Pool, no: number): { user: number; name: string } {
  return { user: no % pool.size, name: `${JOURNEY_PREFIX}${Math.floor(no / pool.size) % JOURNEY_SLOTS}` };
}

/** How many earlier steps of the journey were `command` (the 2nd update removes what the 1st added). */
const nth = (steps: readonly LoadCommand[], step: number): number => steps.slice(0, step).filter((c) => c === steps[step]).length;

export function journeyBody(steps: readonly LoadCommand[], js: JourneyStep, pool: Pool): Record<string, unknown> {
  const { user, name } = journeySlot(pool, js.no);
  const From_Account = pool.user(user);
  const a = pool.contact(user, js.no);
  const b = pool.contact(user, js.no + 1);
  const even = nth(steps, js.step) % 2 === 0;
  switch (steps[js.step] as LoadCommand) {
    case 'recentcontact/create_contact_group':
      return { From_Account, GroupContactItem: [{ GroupName: name, ContactItem: [a] }] };
    case 'recentcontact/update_contact_group':
      return { From_Account, UpdateType: 1, UpdateGroup: { UpdateGroupType: 2, OldGroupName: name, ContactUpdateItem: [{ ContactOptType: even ? 1 : 2, ContactItem: b }] } };
    case 'recentcontact/mark_contact':
      return { From_Account, MarkItem: [{ OptType: 1, ContactItem: a, ...(even ? { SetMark: [JOURNEY_MARK_BIT] } : { ClearMark: [JOURNEY_MARK_BIT] }) }] };
    case 'recentcontact/get_contact_group':
      return { From_Account, StartIndex: 0 };
    case 'recentcontact/search_contact_group':
      return { From_Account, ContactItem: [a] };
    case 'recentcontact/del_contact_group':
      return { From_Account, GroupName: [name] };
  }
}
