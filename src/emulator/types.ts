/** Public types of the emulator: configuration, faults, quirks and variants. */

export type Edition = 'pro' | 'standard';

/** Quantity limits the emulator enforces; defaults come from the schemas (src/schema/limits.ts). */
export interface EmulatorLimits {
  maxGroupsPerUser: number;
  maxConversationsWithData: number;
  maxMarkItems: number;
  maxSearchItems: number;
  maxGroupNameBytes: number;
  /** Docs conflict (32 vs 64 bytes); the harness chooses 32. */
  maxNewGroupNameBytes: number;
  maxCustomMarkBytes: number;
  maxBodyBytes: number;
}

export interface ThrottleConfig {
  enabled: boolean;
  /** Per command per app (GCRA emission rate). */
  perSecond: number;
  /** GCRA tolerance, in calls. */
  burst: number;
  /** Code answered when a command is over its rate. */
  code: number;
  /** App-wide limit over all commands; 0 = off. Answered with SDKAPPID_RATE_LIMITED. */
  appWidePerSecond: number;
}

/**
 * - `latency`: delay before the pipeline runs; `http502`: 502 before the server sees the call;
 * - `http502-after`: the server applies the call, then answers 502 (a retry meets the applied write);
 * - `close`: answers normally with `Connection: close` and closes the socket; `reset`: drops the socket;
 * - `error`: answers an ErrorCode (default INTERNAL_ERROR).
 */
export type FaultKind = 'latency' | 'http502' | 'http502-after' | 'close' | 'reset' | 'error';

export interface Fault {
  /** `service/command` or `*`. */
  command: string;
  kind: FaultKind;
  /** 0..1, drawn from the seeded PRNG. */
  probability: number;
  latencyMs?: number;
  /** For `error`: the ErrorCode to answer (default INTERNAL_ERROR). */
  code?: number;
}

/** Where a code whose place the docs leave open is answered: top-level ErrorCode or per-item ResultCode. */
export type CodeScope = 'top-level' | 'per-item';

/**
 * The doc-silent points where a real server may answer another way; every value is one the docs allow.
 * Defaults (config.ts) are the harness's documented choices (README "Where the docs are silent").
 * Each key is consulted at exactly one place of the emulator.
 */
export interface EmulatorChoices {
  /** How 200 calls/s is counted: smooth GCRA (`throttle.burst` ahead) or a fixed one-second window. */
  limiter: 'gcra' | 'fixed-window';
  /** StandardMark string: bit 0 is the rightmost character (default) or the leftmost. */
  markBitOrder: 'lsb-right' | 'lsb-left';
  /** StandardMark string: no leading zeros (default) or zero-padded to 64 characters. */
  markPadding: 'trim' | 'pad-64';
  /** GroupId of a user's first group; later ids count up from it. */
  firstGroupId: number;
  /** Empty arrays/strings of a success body omitted (default) or present as [] / "". */
  emptyFields: 'omit' | 'present';
  /** ErrorInfo/ResultInfo on failure: the code's meaning (default) or "". */
  errorText: 'message' | 'empty';
  /** ErrorDisplay where the doc samples show it (default), on every answer, or never. */
  errorDisplay: 'samples' | 'always' | 'never';
  /**
   * The 1,000 cap of grouped conversations: over all of a user's groups together (`total`, the CN pages and
   * both error tables) or per conversation group (`per-group`, the EN get_contact_group prose). Conversations
   * with marks/custom data are capped at 1,000 on their own either way.
   */
  conversationCap: 'total' | 'per-group';
  /**
   * Per error code (decimal string key): where the emulator answers a code whose place the docs leave open.
   * `top-level` turns a per-item code of create/update/mark (51007, 51008, 51013 on mark_contact) into the
   * request's ErrorCode, the request undone; `per-item` is what the emulator does for them by default.
   */
  scope: Record<string, CodeScope>;
  /** Duplicate group name on create / rename (docs silent). */
  duplicateGroupNameCode: number;
  /** CustomMark over its byte limit (limit documented, code not). */
  customMarkTooLongCode: number;
  /** Search with more conversations than its limit (limit documented, code not). */
  searchTooManyCode: number;
}

export interface EmulatorConfig {
  edition: Edition;
  limits: EmulatorLimits;
  pageSize: number;
  throttle: ThrottleConfig;
  /** Code for a valid UserSig of an identifier that is not the admin. */
  nonAdminCode: number;
  clockOffsetSeconds: number;
  disabled: boolean;
  faults: Fault[];
  /** Seed of the PRNG that decides faults and generated IM group ids. */
  seed: number;
  /** The doc-silent choices (besides pageSize, nonAdminCode, throttle.code and throttle.burst). */
  choices: EmulatorChoices;
}

/** Behaviour switches for mutation variants. Every quirk is consulted at exactly one place. */
export interface Quirks {
  nameLengthUnit: 'bytes' | 'chars';
  acceptExpiredUserSig: boolean;
  acceptWrongKeyUserSig: boolean;
  acceptNonAdmin: boolean;
  /** A deleted group's id stays in conversations' ContactGroupId. */
  keepGroupIdsOnDelete: boolean;
  ignoreStartIndex: boolean;
  ignoreClearMark: boolean;
  /** Added to each SetMark bit. */
  markBitOffset: number;
  /** Stored CustomMark is cut to this many bytes; 0 = off. */
  customMarkTruncateBytes: number;
  /** Answer a different code (top-level ErrorCode and per-item ResultCode). */
  codeRemap: Record<number, number>;
  /** del_contact_group answers OK but keeps the group. */
  deleteDoesNotDelete: boolean;
}

export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * A server that differs from the default emulator only where the docs allow (src/emulator/variants/benign/):
 * the suite must pass against it, with drift warnings. `docs` says what the docs say about the point.
 */
export interface BenignVariant {
  name: string;
  description: string;
  kind: 'benign';
  config: DeepPartial<EmulatorConfig>;
  docs: string;
}

/** A deliberately wrong emulator, for the mutation self-check (variants live in src/emulator/variants/). */
export interface EmulatorVariant {
  name: string;
  description: string;
  config?: DeepPartial<EmulatorConfig>;
  quirks?: Partial<Quirks>;
  /** Called with the parsed request body before the handler; returns the body the handler sees. */
  transformRequest?(command: string, body: any): any;
  /** Called with every response of a known command (request is undefined when the body was not parsed). */
  transformResponse?(command: string, request: any, response: any): any;
}

export interface EmulatorOptions {
  host?: string;
  port?: number;
  sdkappid?: number;
  admin?: string;
  secretKey?: string;
  config?: DeepPartial<EmulatorConfig>;
  variant?: EmulatorVariant;
  /** Shortcut for config.seed. */
  seed?: number;
  /** Where internal errors are reported (redacted one-liners). Default: console.error. */
  logger?: (line: string) => void;
}
