import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { corrupting } from '../corrupt.ts';
import { customMarks } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: mark_contact's per-item results all say OptType 1. */
export const markResultOptTypeEchoWrong: CatalogueVariant = {
  name: 'mark-result-opt-type-echo-wrong',
  description: 'mark_contact answers OptType 1 in every ResultItem, whatever operation the item asked for',
  killedBy: 'contracts',
  ...corrupting('value', ['mark_contact:ResultItem[].OptType'], () => 1),
  seenBy: ['mark: each ResultItem answers'],
  probe: {
    scenario: 'a custom mark (OptType 2); OptType of the result',
    run: async (p) => (await p.call(CM.markContact, customMarks(['p']))).ResultItem.map((i: Body) => i.OptType),
    correct: [2],
    variant: [1],
  },
};
