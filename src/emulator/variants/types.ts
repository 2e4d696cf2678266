/**
 * The shape of a catalogued variant: one object per plausible server bug, declaring what it changes in
 * the emulator (the EmulatorVariant hooks), the suite that must notice it (`killedBy`) and the probe that
 * shows it really misbehaves. One object, so the three cannot drift apart or go missing separately.
 */
import type { DeepPartial, EmulatorConfig, EmulatorVariant } from '../types.ts';

/**
 * The suite that must kill a variant:
 * - `contracts`: the contract suite (`tcim-harness contracts`) must fail at least one test;
 * - `load-over`: the load profile `over` (`tcim-harness load --profile over`) must fail its thresholds.
 */
export type KilledBy = 'contracts' | 'load-over';

/** A parsed response body. Probes read fields loosely: they observe, they do not validate. */
export type Body = Record<string, any>;

/** Overrides of the signed query of one call (a forged, expired or non-admin signature). */
export interface ProbeQuery {
  usersig?: string;
  identifier?: string;
}

/**
 * What a probe may do against a running emulator. The test harness supplies it
 * (test/selfcheck/probe-harness.ts): the emulator layer sits below the client and has none of its own.
 */
export interface ProbeContext {
  /** The emulator's admin identifier. */
  admin: string;
  /** One call signed as the admin: the parsed answer, no retries, no request validation, no assertion. */
  call(command: string, body: unknown, opts?: { query?: ProbeQuery }): Promise<Body>;
  /** A UserSig of the emulator's app for `identifier`; key, issue time and lifetime overridable. */
  sig(identifier: string, o?: { expireSeconds?: number; now?: number; key?: string }): string;
}

/**
 * A scenario whose observation differs between the correct emulator and the variant, with both
 * observations written out (the specific difference, not just "something changed"). It starts from an
 * emulator with the account PROBE_USER imported (see probe/run.ts).
 */
export interface VariantProbe {
  /** What the probe does, for the test name. */
  scenario: string;
  /** Emulator config of both runs (e.g. a small page size); throttling is off unless this turns it on. */
  config?: DeepPartial<EmulatorConfig>;
  run(p: ProbeContext): Promise<unknown>;
  /** What the correct emulator shows. */
  correct: unknown;
  /** What the variant shows. */
  variant: unknown;
}

/**
 * How a variant corrupts one documented response field: `drop` leaves it out, `mistype` gives it another
 * JSON type, `value` gives it a wrong value, `disagree` makes it contradict another field of the same
 * answer or an earlier answer (ids, names, counts, the data a later read returns).
 */
export type FieldCorruption = 'drop' | 'mistype' | 'value' | 'disagree';

/**
 * One field a variant corrupts, by its inventory id (fields/inventory.ts): `<command>:<path>`, e.g.
 * `get_contact_group:ContactItem[].Timestamp`, or `envelope:<field>` for the envelope every command shares.
 */
export interface FieldMutation {
  field: string;
  how: FieldCorruption;
}

/** A variant of the catalogue: the emulator change, its description, the suite that must kill it, its probe. */
export interface CatalogueVariant extends EmulatorVariant {
  killedBy: KilledBy;
  /**
   * The documented response fields this variant corrupts, machine-readable: the inventory test
   * (test/selfcheck/field-inventory.test.ts) requires at least one variant for every field of every
   * documented response, and the generated family (fields/generated.ts) leaves out a drop or mistype
   * that a hand-written variant already makes on exactly that one field.
   */
  fields?: readonly FieldMutation[];
  /**
   * `contracts` variants: the tests that can see the bug, as Playwright `--grep` patterns (regular
   * expressions matched against a test's title path: file, describe blocks, title and tags). The
   * self-check runs only these first and falls back to the whole suite when they do not kill it, so a
   * stale pattern costs time, never a kill. Absent: the whole suite runs.
   */
  seenBy?: readonly string[];
  probe: VariantProbe;
}
