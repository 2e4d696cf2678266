/**
 * The shape of tcim.config.ts / .mjs / .json — the TypeScript twin of schemas/config.schema.json (the
 * schema is what validates; test/config/schema.test.ts keeps the two field lists equal).
 */
export type ExpectedCode = number | string;

export interface TcimExpectations {
  throttleCode?: ExpectedCode;
  throttleBurst?: number;
  nonAdminCode?: ExpectedCode;
  customMarkTooLongCode?: ExpectedCode;
  searchTooManyCode?: ExpectedCode;
  duplicateGroupNameCode?: ExpectedCode;
  limiter?: 'gcra' | 'fixed-window' | 'unknown';
  scope?: Record<string, 'top-level' | 'per-item'>;
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
  load?: { profiles?: string[]; duration?: string; ceiling?: number };
  reportDir?: string;
  specs?: string[];
}

/** Identity, for the types in a tcim.config.ts: `export default defineConfig({ … })`. */
export const defineConfig = (config: TcimConfig): TcimConfig => config;
