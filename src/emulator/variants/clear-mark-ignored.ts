import type { EmulatorVariant } from '../types.ts';

/** Quirk hook: ClearMark is not applied; only SetMark is. */
export const clearMarkIgnored: EmulatorVariant = {
  name: 'clear-mark-ignored',
  description: 'mark_contact ignores ClearMark: standard mark bits can be set but never cleared',
  quirks: { ignoreClearMark: true },
};
