/**
 * A batch run (the self-check): one Playwright run judging several emulator variants at once, each in
 * projects of its own, each against an embedded emulator of its own started by the global setup with
 * that variant. It saves the per-run start-up (Playwright, the spec files, the reporters) that otherwise
 * dominates a run of a few selected tests. TCIM_BATCH names the plan file (JSON, written by the
 * self-check); without it the suite runs as usual.
 *
 * Two kinds of entry:
 * - `suite`: the whole suite, exactly as a run against one target: projects `setup.<i>` → `emulator.<i>`
 *   → `teardown.<i>` (i = the entry's place in the plan), `workers` at a time; with one worker, the
 *   setup test runs first in the tests' own worker (`emulator.<i>`, files in order), then `teardown.<i>`:
 *   two worker start-ups instead of three;
 * - `focused`: a few tests (`grep`, the variant's seenBy) with the setup test in the same project and
 *   worker (`emulator.<i>`, one worker, files in order: the setup file sorts before the specs), `retries`
 *   re-runs of a failed test in a fresh worker (the kill confirmation), no teardown project: the
 *   emulator is discarded with the run, and nothing else is ever created.
 * Workers learn their project's target (address, credentials, variant, report dir) from the project's
 * metadata and TCIM_BATCH_TARGETS (set by the global setup): a worker only ever runs one project's tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Project } from '@playwright/test';
import { ConfigError, ENV } from '../../src/client/config.ts';
import { VARIANT_ENV } from '../../src/emulator/variants/select.ts';
import { CONTRACTS_ENV } from './env.ts';

export const BATCH_ENV = {
  /** The batch plan (JSON file, see BatchPlan). */
  PLAN: 'TCIM_BATCH',
  /** Internal: the started emulators by entry key (JSON), set by the global setup for the workers. */
  TARGETS: 'TCIM_BATCH_TARGETS',
} as const;

export interface BatchEntry {
  /** The entry's name (the variant's); letters, digits, `.`, `_` and `-`. */
  key: string;
  /** Emulator variant name (null = the correct emulator). */
  variant: string | null;
  kind: 'suite' | 'focused';
  /** `focused`: the tests to run, as Playwright grep patterns (regular expressions). */
  grep?: string[];
  /** Re-runs of a failed test (focused entries; a suite entry never retries). */
  retries?: number;
  /** Workers of the entry's tests. */
  workers: number;
  /** Absolute: the entry's target.json, emulator-stats.json and ledger go here. */
  reportDir: string;
}

export interface BatchPlan {
  entries: BatchEntry[];
  /** TCIM_EMULATOR_VARIANT_MODULE for every entry (default: the built-in lookup). */
  variantModule?: string;
}

/** What a worker needs to reach its entry's emulator. */
export interface BatchTarget {
  url: string;
  sdkappid: number;
  admin: string;
  secretKey: string;
}

type Env = Record<string, string | undefined>;
/** Annotation of a focused entry's test that failed on every attempt: the kill (the self-check reads it). */
export const SELFCHECK_KILL = 'selfcheck-kill';
/**
 * How SELFCHECK_KILL's description begins when the kill needs no re-run: the test recorded a response
 * that breaks the documented schema. That response is the evidence; a re-run would only ask whether the
 * test is flaky, and a schema check on a recorded body cannot be.
 */
export const EVIDENCE_KILL = 'evidence:';
const KEY = /^[A-Za-z0-9._-]{1,120}$/;
/**
 * Project names of the entry at `index` of the plan. Not the entry's key: Playwright's grep also sees the
 * project name, and a variant named like its seenBy pattern would then select every test.
 */
export const SETUP_PREFIX = 'setup.';
export const TEARDOWN_PREFIX = 'teardown.';
export const TESTS_PREFIX = 'emulator.';
export const batchProjectNames = (index: number): { setup: string; tests: string; teardown: string } => ({ setup: `${SETUP_PREFIX}${index}`, tests: `${TESTS_PREFIX}${index}`, teardown: `${TEARDOWN_PREFIX}${index}` });

export function readBatchPlan(env: Env = process.env): BatchPlan | undefined {
  const file = env[BATCH_ENV.PLAN];
  if (!file) return undefined;
  if (!existsSync(file)) throw new ConfigError(`${BATCH_ENV.PLAN}="${file}" does not exist`);
  let plan: BatchPlan;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as BatchPlan;
  } catch (e) {
    throw new ConfigError(`${BATCH_ENV.PLAN}="${file}" is not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(plan?.entries) || plan.entries.length === 0) throw new ConfigError(`${BATCH_ENV.PLAN}: "entries" must be a non-empty list`);
  const seen = new Set<string>();
  plan.entries.forEach((e, i) => {
    const at = `${BATCH_ENV.PLAN}: entries[${i}]`;
    if (typeof e?.key !== 'string' || !KEY.test(e.key) || seen.has(e.key)) throw new ConfigError(`${at}.key must be a unique name of letters, digits, ".", "_" or "-"`);
    seen.add(e.key);
    if (e.kind !== 'suite' && e.kind !== 'focused') throw new ConfigError(`${at}.kind must be "suite" or "focused"`);
    if (!Number.isInteger(e.workers) || e.workers < 1) throw new ConfigError(`${at}.workers must be a whole number of at least 1`);
    if (typeof e.reportDir !== 'string' || e.reportDir === '') throw new ConfigError(`${at}.reportDir must be a path`);
    if (e.kind === 'focused' && (!Array.isArray(e.grep) || e.grep.length === 0)) throw new ConfigError(`${at}.grep must list the tests of a focused entry`);
  });
  return plan;
}

/** `(?:a)|(?:b)` as one regular expression; a pattern that does not compile is a ConfigError. */
export function grepOf(patterns: readonly string[], at: string): RegExp {
  try {
    return new RegExp(patterns.map((p) => `(?:${p})`).join('|'));
  } catch (e) {
    throw new ConfigError(`${at}: bad grep pattern: ${(e as Error).message}`);
  }
}

export interface BatchProjectFiles {
  setup: RegExp;
  teardown: RegExp;
  specs: RegExp;
  /** The setup file, as grep sees it (its path is part of every test's title path). */
  setupGrep: string;
}

/** The Playwright projects of a plan (metadata.tcimBatch = the entry key, read by the worker fixture). */
export function batchProjects(plan: BatchPlan, f: BatchProjectFiles): Project[] {
  return plan.entries.flatMap((e, i): Project[] => {
    const metadata = { tcimBatch: e.key };
    const n = batchProjectNames(i);
    if (e.kind === 'focused') {
      const grep = grepOf([f.setupGrep, ...(e.grep ?? [])], `${BATCH_ENV.PLAN} entry ${e.key}`);
      return [{ name: n.tests, testMatch: [f.setup, f.specs], grep, retries: e.retries ?? 0, workers: 1, fullyParallel: false, metadata }];
    }
    if (e.workers === 1) {
      return [
        { name: n.tests, testMatch: [f.setup, f.specs], workers: 1, fullyParallel: false, teardown: n.teardown, metadata },
        { name: n.teardown, testMatch: f.teardown, metadata },
      ];
    }
    return [
      { name: n.setup, testMatch: f.setup, teardown: n.teardown, metadata },
      { name: n.tests, testMatch: f.specs, dependencies: [n.setup], workers: e.workers, metadata },
      { name: n.teardown, testMatch: f.teardown, metadata },
    ];
  });
}

/**
 * In a worker of a batch run: point this process at its project's entry (target, variant, report dir,
 * workers). Safe because a Playwright worker never runs tests of two projects. No-op outside a batch.
 */
export function applyBatchTarget(project: { metadata?: Record<string, unknown> }, env: Env = process.env): BatchEntry | undefined {
  const key = project.metadata?.tcimBatch;
  if (typeof key !== 'string') return undefined;
  const plan = readBatchPlan(env);
  const entry = plan?.entries.find((e) => e.key === key);
  const target = (JSON.parse(env[BATCH_ENV.TARGETS] ?? '{}') as Record<string, BatchTarget>)[key];
  if (!plan || !entry || !target) throw new ConfigError(`batch entry ${key}: no emulator was started for it (${BATCH_ENV.TARGETS})`);
  env[ENV.BASE_URL] = target.url;
  env[ENV.SDKAPPID] = String(target.sdkappid);
  env[ENV.ADMIN] = target.admin;
  env[ENV.SECRET_KEY] = target.secretKey;
  delete env[ENV.USERSIG];
  if (entry.variant === null) delete env[VARIANT_ENV.VARIANT];
  else env[VARIANT_ENV.VARIANT] = entry.variant;
  if (plan.variantModule) env[VARIANT_ENV.VARIANT_MODULE] = plan.variantModule;
  else delete env[VARIANT_ENV.VARIANT_MODULE];
  env[CONTRACTS_ENV.REPORT_DIR] = entry.reportDir;
  env[CONTRACTS_ENV.WORKERS] = String(entry.kind === 'focused' ? 1 : entry.workers);
  return entry;
}
