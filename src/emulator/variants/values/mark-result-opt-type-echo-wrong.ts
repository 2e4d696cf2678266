import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { editSuccess } from '../fields/mutate.ts';
import { customMarks } from '../probe/index.ts';
import type { Body, CatalogueVariant } from '../types.ts';

/** Response hook: mark_contact's per-item results all say OptType 1. */
export const markResultOptTypeEchoWrong: CatalogueVariant = {
  name: 'mark-result-opt-type-echo-wrong',
  description: 'mark_contact answers OptType 1 in every ResultItem, whatever operation the item asked for',
  killedBy: 'contracts',
  fields: [{ field: 'mark_contact:ResultItem[].OptType', how: 'value' }],
  seenBy: ['mark: each ResultItem answers'],
  transformResponse: editSuccess(CM.markContact, (b) => {
    for (const i of b.ResultItem ?? []) if (i && typeof i === 'object') i.OptType = 1;
  }),
  probe: {
    scenario: 'a custom mark (OptType 2); OptType of the result',
    run: async (p) => (await p.call(CM.markContact, customMarks(['p']))).ResultItem.map((i: Body) => i.OptType),
    correct: [2],
    variant: [1],
  },
};
