/** values/: a documented response field with a wrong value — an echo, an id, a name, a count or a code the answer gets wrong. */
import type { CatalogueVariant } from '../types.ts';
import { createAnswerGroupIdOffByOne } from './create-answer-group-id-off-by-one.ts';
import { createAnswerGroupNameAltered } from './create-answer-group-name-altered.ts';
import { delAnswerGroupIdWrong } from './del-answer-group-id-wrong.ts';
import { failedItemCodedOk } from './failed-item-coded-ok.ts';
import { failureCodeZeroed } from './failure-code-zeroed.ts';
import { getGroupIdsShifted } from './get-group-ids-shifted.ts';
import { markResultOptTypeEchoWrong } from './mark-result-opt-type-echo-wrong.ts';
import { nextStartIndexSkipsOne } from './next-start-index-skips-one.ts';
import { renameResultNamesSwapped } from './rename-result-names-swapped.ts';
import { updateItemOptTypeEchoWrong } from './update-item-opt-type-echo-wrong.ts';
import { updateResultGroupIdWrong } from './update-result-group-id-wrong.ts';

export const valueVariants: readonly CatalogueVariant[] = [
  createAnswerGroupIdOffByOne,
  createAnswerGroupNameAltered,
  getGroupIdsShifted,
  delAnswerGroupIdWrong,
  renameResultNamesSwapped,
  updateResultGroupIdWrong,
  updateItemOptTypeEchoWrong,
  markResultOptTypeEchoWrong,
  nextStartIndexSkipsOne,
  failureCodeZeroed,
  failedItemCodedOk,
];
