import type { EmulatorVariant } from '../types.ts';

/** Config hook: the MarkItem cap is 101 instead of 100 (an off-by-one `<=` in the count check). */
export const markItemsLimit101: EmulatorVariant = {
  name: 'mark-items-limit-101',
  description: 'mark_contact accepts 101 MarkItem entries instead of answering 51006 above 100',
  config: { limits: { maxMarkItems: 101 } },
};
