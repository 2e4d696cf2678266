/** Emulator configuration: defaults, validation of patches (control API), deep merge. */
import { choices } from '../rules/index.ts';
import { limits } from '../schema/index.ts';
import { sharedAjv } from '../schema/ajv.ts';
import { listCommands } from '../schema/index.ts';
import type { DeepPartial, EmulatorChoices, EmulatorConfig, EmulatorLimits } from './types.ts';

/** Bad control input (config patch, clock, fault): the control API answers 400 with the message. */
export class ControlInputError extends Error {
  override name = 'ControlInputError';
}

/**
 * The limits the emulator enforces and lets the control API change, each named as its rule in
 * schemas/limits.json (src/rules): the handlers check a rule with the limit configured under its name.
 */
function ruleLimits(): EmulatorLimits {
  const { maxGroupsPerUser, maxConversationsWithData, maxMarkItems, maxSearchItems, maxGroupNameBytes, maxNewGroupNameBytes, maxCustomMarkBytes, maxBodyBytes } = limits;
  return { maxGroupsPerUser, maxConversationsWithData, maxMarkItems, maxSearchItems, maxGroupNameBytes, maxNewGroupNameBytes, maxCustomMarkBytes, maxBodyBytes };
}

/** Every default is a rule's limit or a doc-silent choice's default (schemas/limits.json), never a literal here. */
export function defaultConfig(): EmulatorConfig {
  return {
    edition: 'pro',
    limits: ruleLimits(),
    pageSize: choices.pageSize.default,
    throttle: { enabled: true, perSecond: limits.rateLimitPerSecond, burst: choices.throttleBurst.default, code: choices.throttle.default, appWidePerSecond: 0 },
    nonAdminCode: choices.nonAdmin.default,
    clockOffsetSeconds: 0,
    disabled: false,
    faults: [],
    seed: 1,
    choices: {
      limiter: choices.limiter.default as EmulatorChoices['limiter'],
      markBitOrder: choices.markBitOrder.default as EmulatorChoices['markBitOrder'],
      markPadding: choices.markPadding.default as EmulatorChoices['markPadding'],
      firstGroupId: choices.firstGroupId.default,
      emptyFields: choices.emptyFields.default as EmulatorChoices['emptyFields'],
      errorText: choices.errorText.default as EmulatorChoices['errorText'],
      errorDisplay: choices.errorDisplay.default as EmulatorChoices['errorDisplay'],
      // both error tables and the CN pages count the conversations of all groups together (README choices)
      conversationCap: choices.conversationCap.default as EmulatorChoices['conversationCap'],
      scope: {},
      duplicateGroupNameCode: choices.duplicateGroupName.default,
      customMarkTooLongCode: choices.customMarkTooLong.default,
      searchTooManyCode: choices.searchTooMany.default,
    },
  };
}


const posInt = { type: 'integer', minimum: 1 };
const code = { type: 'integer', minimum: 1, maximum: 4294967295 };
const faultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['command', 'kind', 'probability'],
  properties: {
    command: { type: 'string', minLength: 1 },
    kind: { enum: ['latency', 'http502', 'http502-after', 'close', 'reset', 'error'] },
    probability: { type: 'number', minimum: 0, maximum: 1 },
    latencyMs: { type: 'integer', minimum: 0, maximum: 60000 },
    code,
  },
};
const patchSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    edition: { enum: ['pro', 'standard'] },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(Object.keys(defaultConfig().limits).map((k) => [k, posInt])),
    },
    pageSize: posInt,
    throttle: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        perSecond: { type: 'number', exclusiveMinimum: 0 },
        burst: { type: 'number', minimum: 0 },
        code,
        appWidePerSecond: { type: 'number', minimum: 0 },
      },
    },
    nonAdminCode: code,
    clockOffsetSeconds: { type: 'integer', minimum: -4000000000, maximum: 4000000000 },
    disabled: { type: 'boolean' },
    faults: { type: 'array', items: faultSchema },
    seed: { type: 'integer' },
    choices: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limiter: { enum: [...choices.limiter.values] },
        markBitOrder: { enum: [...choices.markBitOrder.values] },
        markPadding: { enum: [...choices.markPadding.values] },
        firstGroupId: { type: 'integer', minimum: 0, maximum: 4294967295 },
        emptyFields: { enum: [...choices.emptyFields.values] },
        errorText: { enum: [...choices.errorText.values] },
        errorDisplay: { enum: [...choices.errorDisplay.values] },
        conversationCap: { enum: [...choices.conversationCap.values] },
        scope: { type: 'object', propertyNames: { pattern: '^[0-9]{1,10}$' }, additionalProperties: { enum: ['top-level', 'per-item'] } },
        duplicateGroupNameCode: code,
        customMarkTooLongCode: code,
        searchTooManyCode: code,
      },
    },
  },
};

const ajv = sharedAjv();
const checkPatch = ajv.compile(patchSchema);
const checkFault = ajv.compile(faultSchema);

function firstError(errors: typeof checkPatch.errors): string {
  const e = errors?.[0];
  if (!e) return 'invalid';
  const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})` : '';
  return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
}

function checkFaultCommands(faults: { command: string }[]): void {
  const known = new Set(listCommands().map((c) => c.name));
  for (const f of faults) {
    if (f.command !== '*' && !known.has(f.command)) {
      throw new ControlInputError(`fault command "${f.command}" is not a known command (use "*" or e.g. recentcontact/mark_contact)`);
    }
  }
}

/** Throws ControlInputError unless `patch` is a valid partial config. */
export function validatePatch(patch: unknown): asserts patch is DeepPartial<EmulatorConfig> {
  if (!checkPatch(patch)) throw new ControlInputError(`bad config: ${firstError(checkPatch.errors)}`);
  const faults = (patch as { faults?: { command: string }[] }).faults;
  if (faults) checkFaultCommands(faults);
}

/** Throws ControlInputError unless `value` is a fault or an array of faults; returns the list. */
export function validateFaults(value: unknown): EmulatorConfig['faults'] {
  const list = Array.isArray(value) ? value : [value];
  for (const f of list) if (!checkFault(f)) throw new ControlInputError(`bad fault: ${firstError(checkFault.errors)}`);
  checkFaultCommands(list as { command: string }[]);
  return list as EmulatorConfig['faults'];
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge: objects merge, arrays and scalars replace. Returns a new object. */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : structuredClone(patch)) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = deepMerge(out[k], v);
  return out as T;
}

/** Validated merge of a patch into a config. */
export function mergeConfig(base: EmulatorConfig, patch: unknown): EmulatorConfig {
  validatePatch(patch);
  return deepMerge(base, patch);
}
