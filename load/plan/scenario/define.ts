/**
 * Scenarios: a team's own traffic, from `load.scenarios.<name>` of the config file — stages (a rate
 * of the mix per stage, or a ramp from → to in one-second steps), the mix's weights per command and
 * journeys (a sequence of commands per simulated user, one second apart, at a rate of journeys per
 * second). `scenarioFrom` checks a definition and names every bad field (`load.scenarios.x.stages[1].rate`).
 */
import { ALIASES, LOAD_COMMANDS, LoadConfigError, type LoadCommand } from '../commands.ts';
import { parseDuration } from '../duration.ts';
import { MAX_RATE_PER_COMMAND, MIX_WEIGHTS } from '../profiles.ts';
import type { Rates } from '../schedule.ts';

/** The config's shape of one scenario (schemas/config.schema.json `definitions.scenario`). */
export interface StageDef {
  duration: string;
  rate?: number;
  from?: number;
  to?: number;
}
export interface JourneyDef {
  name: string;
  steps: string[];
  rate: number;
}
export interface ScenarioDef {
  description?: string;
  mix?: Record<string, number>;
  stages: StageDef[];
  journeys?: JourneyDef[];
}

export interface Stage {
  /** 0-based. */
  index: number;
  /** Second of the scenario the stage starts at. */
  start: number;
  seconds: number;
  /** Mix rate (calls/s over all commands) in the first and the last second; equal for a steady stage. */
  from: number;
  to: number;
}

export interface Journey {
  name: string;
  steps: LoadCommand[];
  /** Journeys started per second. */
  rate: number;
}

export interface Scenario {
  name: string;
  description: string;
  weights: Rates;
  stages: Stage[];
  journeys: Journey[];
  /** Whole seconds, all stages. */
  seconds: number;
}

/** A stage's mix rate is the total over commands: at most every command at its maximum. */
export const MAX_STAGE_RATE = MAX_RATE_PER_COMMAND * LOAD_COMMANDS.length;
export const MAX_STAGES = 50;
export const MAX_SCENARIO_SECONDS = 600;
export const MAX_JOURNEYS = 10;
export const MAX_JOURNEY_STEPS = 10;
export const MAX_JOURNEY_RATE = 100;
export const NAME_RE = /^[a-z][a-z0-9-]{0,31}$/;
const CREATE: LoadCommand = 'recentcontact/create_contact_group';
const DEL: LoadCommand = 'recentcontact/del_contact_group';
const UPDATE: LoadCommand = 'recentcontact/update_contact_group';

const whole = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stagesOf(raw: unknown, at: string, bad: (f: string, m: string) => void): Stage[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_STAGES) {
    bad(`${at}.stages`, `must be a list of 1–${MAX_STAGES} stages, e.g. [{ "duration": "30s", "rate": 100 }]`);
    return [];
  }
  const out: Stage[] = [];
  let start = 0;
  raw.forEach((s: unknown, i) => {
    const f = `${at}.stages[${i}]`;
    if (!isObj(s)) return bad(f, 'must be an object { duration, rate } or { duration, from, to }');
    for (const k of Object.keys(s)) if (!['duration', 'rate', 'from', 'to'].includes(k)) bad(`${f}.${k}`, 'unknown field (known: duration, rate, from, to)');
    let seconds = 0;
    try {
      const ms = typeof s.duration === 'string' ? parseDuration(s.duration, `${f}.duration`) : NaN;
      if (!(ms % 1000 === 0)) bad(`${f}.duration`, 'must be whole seconds, e.g. "30s" or "2m"');
      else seconds = ms / 1000;
    } catch (e) {
      bad(`${f}.duration`, (e as Error).message.replace(/^.*?is not a duration: /, 'is not a duration: '));
    }
    const ramp = s.from !== undefined || s.to !== undefined;
    if (ramp && s.rate !== undefined) bad(f, 'give either rate (a steady stage) or from and to (a ramp), not both');
    for (const k of ramp ? (['from', 'to'] as const) : (['rate'] as const)) {
      if (!whole(s[k], 0, MAX_STAGE_RATE)) bad(`${f}.${k}`, `must be a whole number 0–${MAX_STAGE_RATE} (calls per second of the mix, all commands together)`);
    }
    const from = (ramp ? s.from : s.rate) as number;
    const to = (ramp ? s.to : s.rate) as number;
    out.push({ index: i, start, seconds, from, to });
    start += seconds;
  });
  if (start > MAX_SCENARIO_SECONDS) bad(`${at}.stages`, `last ${start}s in all; a scenario lasts at most ${MAX_SCENARIO_SECONDS}s`);
  return out;
}

function mixOf(raw: unknown, at: string, bad: (f: string, m: string) => void): Rates {
  if (raw === undefined) return { ...MIX_WEIGHTS };
  if (!isObj(raw) || Object.keys(raw).length === 0) {
    bad(`${at}.mix`, `must be weights by command, e.g. { "get": 50, "search": 30, "mark": 20 } (commands: ${Object.keys(ALIASES).join(', ')})`);
    return {};
  }
  const out: Rates = {};
  for (const [k, w] of Object.entries(raw)) {
    const c = ALIASES[k];
    if (!c) bad(`${at}.mix.${k}`, `unknown command; use ${Object.keys(ALIASES).join(', ')}`);
    else if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || w > MAX_STAGE_RATE) bad(`${at}.mix.${k}`, `must be a weight above 0 (at most ${MAX_STAGE_RATE})`);
    else out[c] = w;
  }
  if ((out[CREATE] ?? 0) !== (out[DEL] ?? 0)) bad(`${at}.mix`, 'create and del need the same weight: each del removes the group a create made a second earlier (churn)');
  return out;
}

function journeysOf(raw: unknown, at: string, bad: (f: string, m: string) => void): Journey[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > MAX_JOURNEYS) {
    bad(`${at}.journeys`, `must be a list of at most ${MAX_JOURNEYS} journeys { name, steps, rate }`);
    return [];
  }
  const names = new Set<string>();
  const out: Journey[] = [];
  raw.forEach((j: unknown, i) => {
    const f = `${at}.journeys[${i}]`;
    if (!isObj(j)) return bad(f, 'must be an object { name, steps, rate }');
    for (const k of Object.keys(j)) if (!['name', 'steps', 'rate'].includes(k)) bad(`${f}.${k}`, 'unknown field (known: name, steps, rate)');
    if (typeof j.name !== 'string' || !NAME_RE.test(j.name)) bad(`${f}.name`, `must match ${NAME_RE.source}`);
    else if (names.has(j.name)) bad(`${f}.name`, `"${j.name}" is used twice`);
    else names.add(j.name);
    if (!whole(j.rate, 1, MAX_JOURNEY_RATE)) bad(`${f}.rate`, `must be a whole number 1–${MAX_JOURNEY_RATE} (journeys started per second)`);
    const steps: LoadCommand[] = [];
    if (!Array.isArray(j.steps) || j.steps.length < 1 || j.steps.length > MAX_JOURNEY_STEPS) bad(`${f}.steps`, `must be a list of 1–${MAX_JOURNEY_STEPS} commands, e.g. ["create", "update", "mark", "get", "del"]`);
    else {
      j.steps.forEach((a: unknown, k) => {
        const c = typeof a === 'string' ? ALIASES[a] : undefined;
        if (!c) bad(`${f}.steps[${k}]`, `unknown command ${JSON.stringify(a)}; use ${Object.keys(ALIASES).join(', ')}`);
        else steps.push(c);
      });
      if (steps.length === j.steps.length) for (const m of journeyOrderProblems(steps)) bad(`${f}.steps`, m);
    }
    out.push({ name: String(j.name), steps, rate: j.rate as number });
  });
  return out;
}

/**
 * A journey acts on its own conversation group: created once, updated only while it exists, deleted once
 * at the end — so whatever the rate, the state stays stable (mark, get and search may come anywhere).
 */
export function journeyOrderProblems(steps: LoadCommand[]): string[] {
  const out: string[] = [];
  const c = steps.indexOf(CREATE);
  const d = steps.indexOf(DEL);
  if (steps.filter((s) => s === CREATE).length > 1 || steps.filter((s) => s === DEL).length > 1) out.push('create and del may each come once (the journey owns one group)');
  if (c >= 0 && d < 0) out.push('a journey that creates its group must del it at the end (or groups pile up)');
  if (d >= 0 && (c < 0 || d < c)) out.push('del needs a create before it (the journey deletes its own group)');
  steps.forEach((s, i) => {
    if (s === UPDATE && (c < 0 || i < c || (d >= 0 && i > d))) out.push(`step ${i} (update) must come between create and del (it updates the journey's own group)`);
  });
  return out;
}

/** The checked scenario `name` of the config (field prefix `load.scenarios.<name>`); LoadConfigError naming every bad field. */
export function scenarioFrom(name: string, raw: unknown, at = `load.scenarios.${name}`): Scenario {
  const problems: string[] = [];
  const bad = (f: string, m: string): void => void problems.push(`${f}: ${m}`);
  if (!NAME_RE.test(name)) bad(at, `the scenario name must match ${NAME_RE.source}`);
  if (!isObj(raw)) throw new LoadConfigError(`${at}: must be an object { stages, mix?, journeys? }`);
  for (const k of Object.keys(raw)) if (!['description', 'mix', 'stages', 'journeys'].includes(k)) bad(`${at}.${k}`, 'unknown field (known: description, mix, stages, journeys)');
  if (raw.description !== undefined && typeof raw.description !== 'string') bad(`${at}.description`, 'must be text');
  const stages = stagesOf(raw.stages, at, bad);
  const weights = mixOf(raw.mix, at, bad);
  const journeys = journeysOf(raw.journeys, at, bad);
  const seconds = stages.reduce((n, s) => n + s.seconds, 0);
  if (!problems.length) {
    for (const [i, j] of journeys.entries()) if (j.steps.length > seconds) bad(`${at}.journeys[${i}].steps`, `${j.steps.length} steps one second apart do not fit in the scenario's ${seconds}s`);
    if (stages.every((s) => s.from === 0 && s.to === 0) && journeys.length === 0) bad(`${at}.stages`, 'every stage has rate 0 and there are no journeys: the scenario sends nothing');
  }
  if (problems.length) throw new LoadConfigError(`scenario ${name} is not valid:\n  - ${problems.join('\n  - ')}`);
  return { name, description: typeof raw.description === 'string' ? raw.description : `scenario ${name}`, weights, stages, journeys, seconds };
}

/** The scenario `name` of `scenarios` (the config's load.scenarios), checked. */
export function pickScenario(scenarios: Record<string, unknown> | undefined, name: string): Scenario {
  const known = Object.keys(scenarios ?? {});
  if (!scenarios || !Object.hasOwn(scenarios, name)) {
    throw new LoadConfigError(`--scenario "${name}" is not defined: ${known.length ? `load.scenarios of the config has ${known.join(', ')}` : 'the config file has no load.scenarios (see load/README.md, "Scenarios")'}`);
  }
  return scenarioFrom(name, scenarios[name]);
}
