/** What a pipeline step or handler answers, and how it becomes a response body. */
import { ErrorCodes, lookupError } from '../errors/index.ts';
import { remapCode } from './quirks.ts';
import type { EmulatorChoices, EmulatorConfig, Quirks } from './types.ts';

/** A Tencent-style answer: code 0 with result fields, or an error code with ErrorInfo. */
export interface Reply {
  code: number;
  info?: string;
  fields?: Record<string, unknown>;
}

/** What the server does with a request: answer JSON (HTTP 200), or a network fault. */
export type Outcome = { kind: 'reply'; reply: Reply } | { kind: 'http502' } | { kind: 'reset' };

export const ok = (fields?: Record<string, unknown>): Reply => (fields ? { code: ErrorCodes.OK, fields } : { code: ErrorCodes.OK });

export const fail = (code: number, info?: string): Reply => (info === undefined ? { code } : { code, info });

/** The ErrorInfo text of a code: its meaning from the error table. */
export const meaning = (code: number): string => (code === ErrorCodes.OK ? '' : (lookupError(code)?.meaning ?? `error ${code}`));

/** Commands whose doc samples carry ErrorDisplay; by default (choice errorDisplay `samples`) the emulator adds it (empty) on every answer of these. */
const WITH_ERROR_DISPLAY = new Set([
  'recentcontact/create_contact_group',
  'recentcontact/update_contact_group',
  'recentcontact/search_contact_group',
  'recentcontact/mark_contact',
  'recentcontact/get_list',
  'recentcontact/delete',
]);

/** Choice errorText: the text of a failure (ErrorInfo, ResultInfo) is its message, or "" (no doc says it is non-empty). */
const failureText = (choices: EmulatorChoices, text: string): string => (choices.errorText === 'empty' ? '' : text);

/** Choice errorDisplay: whether an answer of `command` carries ErrorDisplay. */
function hasErrorDisplay(choices: EmulatorChoices, command: string | undefined): boolean {
  if (choices.errorDisplay === 'always') return true;
  if (choices.errorDisplay === 'never') return false;
  return command !== undefined && WITH_ERROR_DISPLAY.has(command);
}

/** The response body of a reply (the single place where the top-level code is remapped by a quirk). */
export function renderReply(command: string | undefined, reply: Reply, quirks: Quirks, choices: EmulatorChoices): Record<string, unknown> {
  const code = remapCode(quirks, reply.code);
  const body: Record<string, unknown> = code === ErrorCodes.OK && reply.fields ? { ...reply.fields } : {};
  body.ActionStatus = code === ErrorCodes.OK ? 'OK' : 'FAIL';
  body.ErrorCode = code;
  body.ErrorInfo = code === ErrorCodes.OK ? '' : failureText(choices, reply.info ?? meaning(code));
  if (hasErrorDisplay(choices, command)) body.ErrorDisplay = '';
  return body;
}

/** A per-item result `{ResultCode, ResultInfo}` (per-item codes are remapped here); `info` replaces the meaning of an unremapped code. */
export function itemResult(ctx: { quirks: Quirks; config: EmulatorConfig }, code: number, info?: string): { ResultCode: number; ResultInfo: string } {
  const c = remapCode(ctx.quirks, code);
  return { ResultCode: c, ResultInfo: c === ErrorCodes.OK ? '' : failureText(ctx.config.choices, info !== undefined && c === code ? info : meaning(c)) };
}
