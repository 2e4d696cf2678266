/**
 * Checks of tcim-harness's own choices where the docs are silent (schema descriptions "Choice: ...").
 *
 * Who is held to the default choice: only a target known to make it — the embedded emulator running its
 * defaults or a mutant of them (mutants differ from the defaults only where the docs speak), or any target
 * with TCIM_STRICT=1. Everywhere else (staging, a benign emulator variant) a differing answer is a drift
 * warning, never a failure. Once a target has answered a doc-silent question, the rest of the run holds it to
 * that answer (`learn`): the first answer is recorded in the run's ledger directory, shared by all workers.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { VARIANT_ENV } from '../../src/emulator/variants/select.ts';
import { choices, type CodeChoiceName } from '../../src/rules/index.ts';
import { CONTRACTS_ENV, resolveRunSettings, type RunSettings } from './env.ts';
import { bitsOf, DEFAULT_MARK_FORM, type MarkForm } from './items.ts';

type Env = Record<string, string | undefined>;
type Run = { settings: RunSettings };

/** Adds an annotation once per test (no-op outside a test). */
export function annotateOnce(type: string, description: string): void {
  let info;
  try {
    info = test.info();
  } catch {
    return;
  }
  if (!info.annotations.some((a) => a.type === type && a.description === description)) info.annotations.push({ type, description });
}

/**
 * True when doc-silent choices are asserted (see the header); false means: drift warnings. Asynchronous:
 * only a run against a named variant loads the benign catalogue (and with it much of the emulator) to
 * look the name up — every worker of every other run starts without it.
 */
export async function choicesStrict(env: Env = process.env): Promise<boolean> {
  const explicit = env[CONTRACTS_ENV.STRICT];
  if (explicit === '1' || explicit === 'true') return true;
  if (explicit === '0' || explicit === 'false') return false;
  let kind: string;
  try {
    kind = resolveRunSettings(env).kind;
  } catch {
    kind = env[CONTRACTS_ENV.TARGET] ?? 'emulator';
  }
  if (kind !== 'emulator') return false;
  const variant = env[VARIANT_ENV.VARIANT];
  // a benign variant answers doc-silent points its own way; a module of the user's own may be anything
  if (!variant) return true;
  if (env[VARIANT_ENV.VARIANT_MODULE]) return false;
  const { getBenignVariant } = await import('../../src/emulator/variants/benign/index.ts');
  return getBenignVariant(variant) === undefined;
}

let strictMemo: boolean | undefined;
/** Settles this process's strictness (the run fixture does, before any test); returns it. */
export async function settleChoicesStrict(): Promise<boolean> {
  return (strictMemo ??= await choicesStrict());
}
const strictNow = (): boolean => {
  if (strictMemo === undefined) throw new Error('choices: strictness is not settled yet (settleChoicesStrict runs in the run fixture)');
  return strictMemo;
};

/** A drift warning: `what` (a doc-silent point) differs on this target; `detail` says how. */
export function drift(what: string, detail: string): void {
  annotateOnce('drift', `choice "${what}" differs on this target: ${detail.slice(0, 300)}`);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** The first line of an assertion message, without terminal colours (it goes into reports). */
const firstLine = (e: unknown): string =>
  String((e as Error)?.message ?? e)
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^expect\(/.test(l))
    .slice(0, 3)
    .join(' ');

/** The name of a doc-silent code choice in drift warnings: what the docs say and the variable that pins it. */
export const choiceWhat = (name: CodeChoiceName): string => `${name} code (${choices[name].env}): ${choices[name].docs}`;

/** Asserts a doc-silent point on a strict target; elsewhere a failing check is a drift warning. */
export async function choice(_run: Run | undefined, what: string, check: () => void | Promise<void>): Promise<void> {
  if (strictNow()) {
    await check();
    return;
  }
  try {
    await check();
  } catch (e) {
    drift(what, firstLine(e));
  }
}

/** For matchers: `problem` with the default choice is a failure on a strict target, else drift (undefined). */
export function softProblem(what: string, problem: string | undefined): string | undefined {
  if (!problem || strictNow()) return problem;
  drift(what, problem);
  return undefined;
}

const learnedDir = (s: RunSettings): string => join(s.ledgerDir, `${s.runId}.learned`);
const fileOf = (s: RunSettings, key: string): string => join(learnedDir(s), `${key.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);

/** The answer recorded for `key` in this run, if any. */
export function learned<T>(run: Run, key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(fileOf(run.settings, key), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Records `answer` as the target's answer to the doc-silent question `key` unless one is recorded already
 * (first writer wins, across workers), and returns the recorded one. A caller compares: a target that answers
 * the same question two ways within a run is inconsistent, whatever the docs allow.
 */
export function learn<T>(run: Run, key: string, answer: T): T {
  mkdirSync(learnedDir(run.settings), { recursive: true });
  try {
    const fd = openSync(fileOf(run.settings, key), 'wx');
    writeSync(fd, JSON.stringify(answer));
    closeSync(fd);
    return answer;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return learned<T>(run, key) ?? answer;
  }
}

/** Where the probe's answer is recorded. */
export const MARK_FORM_KEY = 'mark-form';
/** The StandardMark form the setup project's probe learned (contracts/setup/mark-probe.ts), else the default. */
export const markForm = (run: Run): MarkForm => learned<MarkForm>(run, MARK_FORM_KEY) ?? DEFAULT_MARK_FORM;
/** Bits set in `mark`, read in the form this target writes. */
export const bitsIn = (run: Run, mark: string | undefined): number[] => bitsOf(mark, markForm(run).order);

/**
 * Holds the target to its first answer to a doc-silent question within the run (`learn`); a problem when it
 * now answers differently. For matchers, which have no run context: the run comes from the environment.
 */
export function holdTo(key: string, answer: unknown): string | undefined {
  let settings: RunSettings;
  try {
    settings = resolveRunSettings();
  } catch {
    return undefined;
  }
  const recorded = learn({ settings }, key, answer);
  return JSON.stringify(recorded) === JSON.stringify(answer) ? undefined : `${key}: the target answered ${JSON.stringify(recorded)} earlier in this run, now ${JSON.stringify(answer)}`;
}
