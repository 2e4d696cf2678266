/**
 * How the hand-written mutants corrupt answers, written once: the guard they share (these commands, a
 * successful answer), the edit of a documented field wherever its path reaches (every item of every array
 * on the way), and the declaration of what they corrupt — a variant's `fields` and the response hook that
 * makes those corruptions come from one list of inventory ids (fields/inventory.ts), so the two cannot drift.
 */
import { ErrorCodes } from '../../errors/index.ts';
import type { EmulatorVariant } from '../types.ts';
import { responseFields, type ResponseField } from './fields/inventory.ts';
import { dropAt, forEachHolder } from './fields/mutate.ts';
import type { CatalogueVariant, FieldCorruption, FieldMutation } from './types.ts';

export type ResponseHook = NonNullable<EmulatorVariant['transformResponse']>;
type Commands = string | readonly string[];

/** A successful answer: ActionStatus OK and ErrorCode 0. */
export const isSuccess = (response: any): boolean => response?.ActionStatus === 'OK' && response?.ErrorCode === ErrorCodes.OK;

/** A response hook answering `replace(…)` instead of each answer of `commands` that `when` holds for; other answers pass unchanged. */
export function replaceAnswer(commands: Commands, when: (response: any) => boolean, replace: (response: any, request: any, command: string) => any): ResponseHook {
  const set = new Set(typeof commands === 'string' ? [commands] : commands);
  return (command, request, response) => (set.has(command) && when(response) ? replace(response, request, command) : response);
}

/** A response hook that edits a copy of each successful answer of `commands` (others pass unchanged). */
export function editSuccess(commands: Commands, edit: (body: any, request: any, command: string) => void): ResponseHook {
  return replaceAnswer(commands, isSuccess, (response, request, command) => {
    const out = structuredClone(response);
    edit(out, request, command);
    return out;
  });
}

/** A number one too high (other values unchanged). */
export const plusOne = (v: unknown): unknown => (typeof v === 'number' ? v + 1 : v);
/** A number as its decimal string (other values unchanged). */
export const numberAsString = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v);
/** A string upper-cased (other values unchanged). */
export const upperCased = (v: unknown): unknown => (typeof v === 'string' ? v.toUpperCase() : v);

/** The ids of a conversation field in the two answers that list conversations: get (ContactItem[]) and search (ContactResultItem[]). */
export const inConversations = (name: string): string[] => [`get_contact_group:ContactItem[].${name}`, `search_contact_group:ContactResultItem[].${name}`];

/** One FieldMutation of `how` per field id. */
export const corrupted = (how: FieldCorruption, ids: readonly string[]): FieldMutation[] => ids.map((field) => ({ field, how }));

let inventory: Map<string, ResponseField> | undefined;
function field(id: string): ResponseField {
  inventory ??= new Map(responseFields().map((f) => [f.id, f]));
  const f = inventory.get(id);
  if (!f) throw new Error(`mutant corrupts ${id}: no such response field in the inventory (fields/inventory.ts)`);
  return f;
}

/**
 * A variant's `fields` (each id corrupted `how`) and the response hook that makes it so: in the successful
 * answers of each field's command, every present value at the field's path becomes `to(value)` — or, with
 * `to` left out, the field is dropped.
 */
export function corrupting(how: FieldCorruption, ids: readonly string[], to?: (value: unknown) => unknown): Required<Pick<CatalogueVariant, 'fields' | 'transformResponse'>> {
  const targets = ids.map(field);
  const pathsOf = (command: string) => targets.filter((f) => f.answeredBy.includes(command)).map((f) => f.path);
  const transformResponse = to
    ? editSuccess(
        targets.flatMap((f) => f.answeredBy),
        (body, _request, command) => {
          for (const path of pathsOf(command))
            forEachHolder(body, path, (holder, key) => {
              if (key in holder) holder[key] = to(holder[key]);
            });
        },
      )
    : replaceAnswer(
        targets.flatMap((f) => f.answeredBy),
        isSuccess,
        (response, _request, command) => pathsOf(command).reduce((out, path) => dropAt(out, path), response),
      );
  return { fields: corrupted(how, ids), transformResponse };
}
