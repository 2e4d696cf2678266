/**
 * Consequences of throttled journey steps, accounted like the churn's (consequences.ts): every answer
 * of a step that touches the journey's own group (create, update, del) is replayed in operation order
 * against a model of each group slot. A non-OK answer that follows from an earlier step that did not
 * take effect is a consequence — update or del answering CONTACT_GROUP_NOT_FOUND after the journey's
 * create was throttled, a create answering the duplicate-name refusal after the previous journey's
 * del on that slot was throttled; anything else is a contract error. Steps are judged one by one, not
 * the journey as a unit, so the per-command thresholds of the built-in profiles apply unchanged.
 */
import { ErrorCodes, isThrottleCode } from '../../src/errors/index.ts';
import type { LoadCommand } from '../plan/commands.ts';
import { duplicateNameAnswer, UNKNOWN, type Verdict } from './consequences.ts';

/** Steps whose answer depends on the journey's group existing or not. */
export const JOURNEY_GROUP_STEPS: ReadonlySet<LoadCommand> = new Set(['recentcontact/create_contact_group', 'recentcontact/update_contact_group', 'recentcontact/del_contact_group']);

interface Entry {
  index: number;
  slot: string;
  command: LoadCommand;
  code: number;
  late: boolean;
}

export class JourneyLog {
  private entries: Entry[] = [];

  /** Logs one answer (`code` UNKNOWN when its effect is unknown); returns its log index. */
  push(index: number, slot: string, command: LoadCommand, code: number, late: boolean): number {
    this.entries.push({ index, slot, command, code, late });
    return this.entries.length - 1;
  }

  get length(): number {
    return this.entries.length;
  }

  /** Verdicts of the answers that are neither OK nor throttled, by log index. */
  judge(pinnedDuplicateNameCode?: number): Map<number, Verdict> {
    const order = this.entries.map((_, i) => i).sort((a, b) => (this.entries[a] as Entry).index - (this.entries[b] as Entry).index);
    /** 1 the group exists, 0 it does not, NaN unknown. */
    const state = new Map<string, number>();
    const missLate = new Map<string, boolean>();
    const out = new Map<number, Verdict>();
    const consequence = (slot: string): Verdict => (missLate.get(slot) ? 'late-consequence' : 'consequence');
    for (const i of order) {
      const e = this.entries[i] as Entry;
      const now = state.get(e.slot) ?? 0;
      if (e.code === UNKNOWN) state.set(e.slot, Number.NaN);
      else if (isThrottleCode(e.code)) missLate.set(e.slot, e.late);
      else if (e.command === 'recentcontact/create_contact_group') {
        if (e.code === ErrorCodes.OK) state.set(e.slot, 1);
        else if (now !== 0 && duplicateNameAnswer(e.code, pinnedDuplicateNameCode)) (out.set(i, consequence(e.slot)), state.set(e.slot, 1));
        else out.set(i, 'contract');
      } else if (e.code === ErrorCodes.OK) {
        if (e.command === 'recentcontact/del_contact_group') state.set(e.slot, 0);
      } else if (e.code === ErrorCodes.CONTACT_GROUP_NOT_FOUND && now !== 1) {
        out.set(i, consequence(e.slot));
        state.set(e.slot, 0);
      } else out.set(i, 'contract');
    }
    return out;
  }
}
