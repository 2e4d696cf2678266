/**
 * The limits the emulator enforces itself: every rule of the command (schemas/limits.json, src/rules) whose
 * limit is configurable under the rule's name in config.limits. A value at the rule's request path is
 * measured and, outside the rule's range, answered with the rule's code — before the schema is checked, so
 * the configured limit (changed by tests and self-check variants) decides, not the schema's. One loop for
 * every command: no handler repeats a limit, a code or a message.
 */
import { requestRules, valuesAt, type LimitRule } from '../../rules/index.ts';
import { utf8Length } from '../../schema/index.ts';
import { nameLength } from '../quirks.ts';
import { fail, type Reply } from '../reply.ts';
import type { HandlerContext } from './context.ts';

/** Rules measuring a group name: the nameLengthUnit quirk may count those in characters. */
const GROUP_NAME_RULES: ReadonlySet<string> = new Set(['maxGroupNameBytes', 'maxNewGroupNameBytes']);

const configured = (ctx: HandlerContext, rule: LimitRule): number | undefined => (ctx.config.limits as unknown as Partial<Record<string, number>>)[rule.name];

const enforced = (ctx: HandlerContext): LimitRule[] => requestRules(ctx.command).filter((r) => configured(ctx, r) !== undefined);

/** Request paths whose limits the emulator checks itself for this command. */
export const enforcedPaths = (ctx: HandlerContext): string[] => enforced(ctx).flatMap((r) => r.paths(ctx.command));

/** A value's size as its rule counts it: UTF-8 bytes of a string, or items of an array; undefined for another type (the schema answers). */
function measure(ctx: HandlerContext, rule: LimitRule, value: unknown): number | undefined {
  if (rule.unit === 'bytes') {
    if (typeof value !== 'string') return undefined;
    return GROUP_NAME_RULES.has(rule.name) ? nameLength(ctx.quirks, value) : utf8Length(value);
  }
  return Array.isArray(value) ? value.length : undefined;
}

/**
 * The code a rule's violation is answered with: its documented code, or, where the docs give the limit but not
 * the code, the emulator's configured choice (choices.customMarkTooLongCode / searchTooManyCode).
 */
function codeOf(ctx: HandlerContext, rule: LimitRule): number {
  const c = ctx.config.choices;
  if (rule.choice === 'customMarkTooLong') return c.customMarkTooLongCode;
  if (rule.choice === 'searchTooMany') return c.searchTooManyCode;
  if (rule.choice === 'duplicateGroupName') return c.duplicateGroupNameCode;
  return rule.code;
}

/** The first value outside its rule's configured range, answered with the rule's code; undefined when all fit. */
export function checkLimits(ctx: HandlerContext, body: unknown): Reply | undefined {
  for (const rule of enforced(ctx)) {
    const limit = configured(ctx, rule) as number;
    for (const path of rule.paths(ctx.command)) {
      for (const { at, value } of valuesAt(body, path)) {
        const n = measure(ctx, rule, value);
        const problem = n === undefined ? undefined : rule.violation(n, limit);
        if (problem) return fail(codeOf(ctx, rule), `invalid parameter: ${at} ${problem}`);
      }
    }
  }
  return undefined;
}
