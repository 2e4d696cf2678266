/** What every command handler gets and returns; helpers shared by the handlers. */
import { ErrorCodes } from '../../errors/index.ts';
import { pathPattern } from '../../rules/index.ts';
import { validateRequest } from '../../schema/index.ts';
import { fail, type Reply } from '../reply.ts';
import { checkLimits, enforcedPaths } from './limits.ts';
import type { Runtime } from '../runtime.ts';
import type { AppState } from '../state/app.ts';
import type { CapConfig } from '../state/caps.ts';
import type { ContactRef } from '../state/conversation.ts';
import { UserData } from '../state/user.ts';
import type { EmulatorConfig, Quirks } from '../types.ts';

export interface HandlerContext {
  command: string;
  app: AppState;
  config: EmulatorConfig;
  quirks: Quirks;
  /** The App admin identifier (requests are signed by it). */
  admin: string;
  /** Unix seconds on the emulator clock, fixed for the request. */
  now: number;
}

export const makeContext = (rt: Runtime, command: string): HandlerContext => ({
  command,
  app: rt.app,
  config: rt.config,
  quirks: rt.quirks,
  admin: rt.identity.admin,
  now: rt.now(),
});

/** A handler gets the parsed JSON body (any JSON value) and never throws on bad input. */
export type Handler = (body: unknown, ctx: HandlerContext) => Reply;

/** Schema keywords of a limit: at a rule's path the emulator's own check, with its configured limit, decides. */
const LIMIT_KEYWORDS = new Set(['maxItems', 'minItems', 'maxBytes', 'minBytes', 'maxLength', 'minLength']);

/**
 * Checks a request: first the limits of the command's rules that the emulator enforces with a configured
 * limit (checkLimits, each answering its rule's code), then the command's request schema (strict: unknown
 * fields are violations) answering `invalidCode`. Limit keywords at the paths of those rules, and at
 * `itemPaths` (values a handler answers per item), are left to the handler.
 */
export function checkRequest(ctx: HandlerContext, body: unknown, invalidCode: number, itemPaths: string[] = []): Reply | undefined {
  const limited = checkLimits(ctx, body);
  if (limited) return limited;
  const v = validateRequest(ctx.command, body);
  if (v.ok) return undefined;
  const skipped = [...enforcedPaths(ctx), ...itemPaths].map(pathPattern);
  const issues = v.errors.filter((e) => !(LIMIT_KEYWORDS.has(e.keyword) && skipped.some((p) => p.test(e.path))));
  if (issues.length === 0) return undefined;
  const text = issues.slice(0, 3).map((i) => `${i.path} ${i.message}`).join('; ');
  return fail(invalidCode, `invalid parameter: ${text}`);
}

export const INVALID = ErrorCodes.INVALID_PARAMETER;

/** The From_Account's data, or ACCOUNT_NOT_IMPORTED. */
export function requireUser(ctx: HandlerContext, userId: string): UserData | Reply {
  if (!ctx.app.hasAccount(userId)) return fail(ErrorCodes.ACCOUNT_NOT_IMPORTED, `UserID ${userId} has not been imported`);
  return ctx.app.user(userId);
}

export const isUser = (v: UserData | Reply): v is UserData => v instanceof UserData;

/**
 * A handler of a command that needs nothing before the From_Account's data: the request checked (checkRequest,
 * INVALID), the account required (requireUser), then `handle`.
 */
export function userHandler<T extends { From_Account: string }>(handle: (req: T, user: UserData, ctx: HandlerContext) => Reply): Handler {
  return (body, ctx) => {
    const invalid = checkRequest(ctx, body, INVALID);
    if (invalid) return invalid;
    const req = body as T;
    const user = requireUser(ctx, req.From_Account);
    return isUser(user) ? handle(req, user, ctx) : user;
  };
}

/** The page of `all` from `start` (at most `size` items); `next` is the StartIndex of the next page, 0 after the last. */
export function pageOf<T>(all: readonly T[], start: number, size: number): { page: T[]; complete: boolean; next: number } {
  const page = all.slice(start, start + size);
  const end = start + page.length;
  const complete = end >= all.length;
  return { page, complete, next: complete ? 0 : end };
}

/** GROUP_ID_CONVERSION_FAILED for a G2C conversation whose IM group does not exist (never created or destroyed). */
export const groupConversionCode = (ctx: HandlerContext, ref: ContactRef): number =>
  ref.Type === 2 && !ctx.app.imGroups.has(ref.peer) ? ErrorCodes.GROUP_ID_CONVERSION_FAILED : ErrorCodes.OK;

/** The 1,000 caps of this request (rule maxConversationsWithData; choice conversationCap, consulted here only). */
export const capOf = (ctx: HandlerContext): CapConfig => ({ limit: ctx.config.limits.maxConversationsWithData, mode: ctx.config.choices.conversationCap });

/** A group name the user already has, on create or rename (code: choice duplicateGroupNameCode, docs silent). */
export const duplicateName = (ctx: HandlerContext, at: string): Reply => fail(ctx.config.choices.duplicateGroupNameCode, `invalid parameter: ${at} already exists`);

/**
 * Per-item codes answered top-level instead (choice scope, for codes whose place the docs leave open): the first
 * such code among a request's item codes, or undefined. The handler then undoes the request and answers it.
 */
export const topLevelCode = (ctx: HandlerContext, codes: number[]): number | undefined =>
  codes.find((c) => c !== ErrorCodes.OK && ctx.config.choices.scope[String(c)] === 'top-level');

/** Top-level EDITION_NOT_SUPPORTED when the app is below Pro. */
export const editionReply = (ctx: HandlerContext): Reply | undefined =>
  ctx.config.edition === 'standard' ? fail(ErrorCodes.EDITION_NOT_SUPPORTED) : undefined;
