/**
 * The shape of tcim.config.ts / .mjs / .json — the TypeScript twin of schemas/config.schema.json (the
 * schema is what validates; test/config/schema.test.ts keeps the two field lists equal).
 */
export type ExpectedCode = number | string;

export interface TcimExpectations {
  /** The file's JSON Schema (schemas/expect.schema.json), for editors. */
  $schema?: string;
  throttleCode?: ExpectedCode;
  throttleBurst?: number;
  nonAdminCode?: ExpectedCode;
  customMarkTooLongCode?: ExpectedCode;
  searchTooManyCode?: ExpectedCode;
  duplicateGroupNameCode?: ExpectedCode;
  limiter?: 'gcra' | 'fixed-window' | 'unknown';
  pageSize?: number;
  firstGroupId?: number;
  markBitOrder?: 'lsb-right' | 'lsb-left';
  markPadding?: 'trim' | 'pad-64';
  emptyFields?: 'omit' | 'present';
  errorText?: 'message' | 'empty';
  errorDisplay?: 'samples' | 'always' | 'never';
  conversationCap?: 'total' | 'per-group';
  /** Written by `tcim-harness calibrate`: when and where the answers were observed. */
  calibration?: { at: string; target: string; harness?: string; notProbed?: string[] };
  scope?: Record<string, 'top-level' | 'per-item'>;
}

/** Command aliases of the load side. */
export type LoadAlias = 'get' | 'search' | 'mark' | 'update' | 'create' | 'del';

/** One scenario of load.scenarios: stages (a rate, or a ramp from → to), the mix's weights, journeys. */
export interface TcimScenario {
  description?: string;
  mix?: Partial<Record<LoadAlias, number>>;
  stages: { duration: string; rate?: number; from?: number; to?: number }[];
  journeys?: { name: string; steps: LoadAlias[]; rate: number }[];
}

export interface TcimConfig {
  target?: {
    baseUrl?: string;
    sdkappid?: number;
    admin?: string;
    /** NAME of the environment variable that holds the secret key — never the key itself. */
    secretKeyEnv?: string;
    /** NAME of the environment variable that holds a pre-made admin UserSig. */
    usersigEnv?: string;
    timeoutMs?: number;
  };
  allowedSdkAppIds?: number[];
  rateBudget?: number;
  workers?: number;
  strict?: boolean;
  /** Inline, or the path of a JSON file of the same shape (relative to the config file). */
  expectations?: string | TcimExpectations;
  load?: {
    profiles?: string[];
    duration?: string;
    ceiling?: number;
    /** Baseline tolerances: percent (p50/p95/p99 rise; achieved/accepted/ceiling drop), points (throttled), ms (latencyFloorMs); false = not compared. */
    /** The team's own traffic (`load --scenario NAME`): stages, a mix by weight, journeys (load/README.md, Scenarios). */
    scenarios?: Record<string, TcimScenario>;
    tolerances?: { achieved?: number | false; accepted?: number | false; p50?: number | false; p95?: number | false; p99?: number | false; ceiling?: number | false; throttled?: number | false; latencyFloorMs?: number };
  };
  reportDir?: string;
  specs?: string[];
}

/** Identity, for the types in a tcim.config.ts: `export default defineConfig({ … })`. */
export const defineConfig = (config: TcimConfig): TcimConfig => config;
