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

export type FaultKind = 'latency' | 'http502' | 'reset' | 'error';

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
