/** The emulator's mutable core shared by the HTTP server and the control API. */
import { deepMerge, defaultConfig } from './config.ts';
import { mulberry32, type Prng } from './prng.ts';
import { makeQuirks } from './quirks.ts';
import { RateLimiter } from './pipeline/throttle.ts';
import { AppState } from './state/app.ts';
import { Stats } from './stats.ts';
import type { DeepPartial, EmulatorConfig, EmulatorVariant, Quirks } from './types.ts';

export interface Identity {
  sdkappid: number;
  admin: string;
  secretKey: string;
}

export class Runtime {
  config: EmulatorConfig;
  readonly quirks: Quirks;
  app: AppState;
  readonly limiter = new RateLimiter();
  readonly stats = new Stats();
  random: Prng;
  /** UserSigs that verified (HMAC checked) with this key: sig -> { identifier, sdkappid, expiresAt }. */
  readonly sigCache = new Map<string, { identifier: string; sdkappid: number; expiresAt: number }>();

  constructor(
    readonly identity: Identity,
    private readonly initial: DeepPartial<EmulatorConfig> | undefined,
    readonly variant: EmulatorVariant | undefined,
    readonly log: (line: string) => void,
  ) {
    this.config = this.startConfig();
    this.quirks = makeQuirks(variant?.quirks);
    this.app = this.newApp();
    this.random = mulberry32(this.config.seed);
  }

  /** Defaults, then the start options, then the variant's config. */
  private startConfig(): EmulatorConfig {
    return deepMerge(deepMerge(defaultConfig(), this.initial ?? {}), this.variant?.config ?? {});
  }

  /** Empty app state; users' first GroupId is the choice firstGroupId current when their data is created. */
  private newApp(): AppState {
    return new AppState(this.identity.sdkappid, this.config.seed, () => this.config.choices.firstGroupId);
  }

  /** Unix seconds on the emulator clock (real time + clockOffsetSeconds). */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.config.clockOffsetSeconds;
  }

  setConfig(next: EmulatorConfig): void {
    const reseed = next.seed !== this.config.seed;
    this.config = next;
    if (reseed) this.random = mulberry32(next.seed);
  }

  /** Drops all state (accounts, groups, conversations), counters and rate-limit history; optionally the config. */
  reset(config: boolean): void {
    if (config) this.config = this.startConfig();
    this.app = this.newApp();
    this.random = mulberry32(this.config.seed);
    this.limiter.reset();
    this.stats.reset();
  }
}
