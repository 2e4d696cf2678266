/**
 * Per-item results: where each command answers them, read once for every user (the contract matchers
 * and coverage notes, the load analysis, the account teardown). HTTP status and the top-level ErrorCode
 * can be OK while single items failed, so every verdict reads these too.
 */
import type { ContactItem } from '../generated/types.ts';
import { CMD } from './commands.ts';

/** One per-item result: ResultCode 0 is success; ContactItem or UserID names the item. */
export interface ItemResult {
  ResultCode: number;
  ResultInfo: string;
  ContactItem?: ContactItem;
  UserID?: string;
}

type Body = Record<string, any> | undefined;
const list = (v: unknown): ItemResult[] => (Array.isArray(v) ? v.filter((x): x is ItemResult => typeof x === 'object' && x !== null) : []);

/** The arrays that carry ResultCode, per command (schemas/commands/…: create answers one GroupResultItem per group). */
const WHERE: Readonly<Record<string, (b: Body) => ItemResult[]>> = {
  [CMD.create]: (b) => (Array.isArray(b?.GroupResultItem) ? b.GroupResultItem.flatMap((g: Body) => list(g?.ResultItem)) : []),
  [CMD.update]: (b) => list(b?.UpdateGroupResult?.ContactResultItem),
  [CMD.mark]: (b) => list(b?.ResultItem),
  [CMD.accountDelete]: (b) => list(b?.ResultItem),
};

/** The per-item results of a response, wherever its command puts them ([] for commands without any). */
export function itemResults(command: string, body: unknown): ItemResult[] {
  return WHERE[command]?.(body as Body) ?? [];
}

/** Every per-item ResultCode other than 0, in answer order. */
export function failedItemCodes(command: string, body: unknown): number[] {
  return itemResults(command, body)
    .map((i) => i.ResultCode)
    .filter((c) => typeof c === 'number' && c !== 0);
}
