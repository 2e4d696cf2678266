/**
 * Load profiles. Rates are per command (calls/s) unless noted; `under`/`at`/`over` run all selected
 * commands in one attack whose targets round-robin over them, so each command gets exactly its rate
 * (total = commands × rate). Durations are whole seconds, bounded by CLI-safe maxima.
 */
import { DOCUMENTED_CEILING, LOAD_COMMANDS, LoadConfigError, type LoadCommand } from './commands.ts';
import { apportion, type Rates } from './schedule.ts';

export type ProfileName = 'smoke' | 'under' | 'at' | 'over' | 'mix' | 'ceiling' | 'soak';
export type Expectation = 'all-ok' | 'zero-throttled' | 'throttled-share' | 'ceiling';

export interface Profile {
  /** `scenario`: a scenario of the config (load/plan/scenario/), run as its own pseudo-profile. */
  name: ProfileName | 'scenario';
  description: string;
  kind: 'steady' | 'ceiling' | 'soak';
  expectation: Expectation;
  /** Per-command rate; for `mix`, the total over all commands. */
  defaultRate: number;
  /** `--rate` means the total (mix) or the per-command rate (others). */
  rateIsTotal: boolean;
  defaultDurationMs: number;
  maxDurationMs: number;
}

const S = 1000;
const M = 60 * S;

/** Realistic mix: mostly reads, some mark/update, few create/del (weights, percent of the total). */
export const MIX_WEIGHTS: Readonly<Rates> = Object.freeze({
  'recentcontact/get_contact_group': 35,
  'recentcontact/search_contact_group': 35,
  'recentcontact/mark_contact': 12,
  'recentcontact/update_contact_group': 10,
  'recentcontact/create_contact_group': 4,
  'recentcontact/del_contact_group': 4,
});

export const MAX_RATE_PER_COMMAND = 1000;
/** Profile rates as shares of the documented ceiling (the rule rateLimitPerSecond): under, over and soak. */
export const UNDER_SHARE = 0.75;
export const OVER_SHARE = 1.5;
export const SOAK_SHARE = 0.9;
const UNDER_RATE = Math.round(UNDER_SHARE * DOCUMENTED_CEILING);
const OVER_RATE = Math.round(OVER_SHARE * DOCUMENTED_CEILING);

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  smoke: { name: 'smoke', description: 'each command once per second; every answer must be OK', kind: 'steady', expectation: 'all-ok', defaultRate: 1, rateIsTotal: false, defaultDurationMs: 10 * S, maxDurationMs: M },
  under: { name: 'under', description: `below the documented ceiling (${UNDER_RATE}/s per command): no throttling, no errors`, kind: 'steady', expectation: 'zero-throttled', defaultRate: UNDER_RATE, rateIsTotal: false, defaultDurationMs: 30 * S, maxDurationMs: 10 * M },
  at: { name: 'at', description: `at the documented ceiling (${DOCUMENTED_CEILING}/s per command): no throttling`, kind: 'steady', expectation: 'zero-throttled', defaultRate: DOCUMENTED_CEILING, rateIsTotal: false, defaultDurationMs: 30 * S, maxDurationMs: 10 * M },
  over: { name: 'over', description: `above the ceiling (${OVER_RATE}/s per command): throttled share ≈ (rate − ${DOCUMENTED_CEILING})/rate, nothing else`, kind: 'steady', expectation: 'throttled-share', defaultRate: OVER_RATE, rateIsTotal: false, defaultDurationMs: 30 * S, maxDurationMs: 10 * M },
  mix: { name: 'mix', description: `realistic mix, ${DOCUMENTED_CEILING}/s in total: mostly get/search, some mark/update, few create/del`, kind: 'steady', expectation: 'zero-throttled', defaultRate: DOCUMENTED_CEILING, rateIsTotal: true, defaultDurationMs: 60 * S, maxDurationMs: 10 * M },
  ceiling: { name: 'ceiling', description: 'step search per command for the rate where throttling starts (--duration = per step)', kind: 'ceiling', expectation: 'ceiling', defaultRate: 0, rateIsTotal: false, defaultDurationMs: 5 * S, maxDurationMs: 30 * S },
  soak: { name: 'soak', description: 'bounded long run at 90 % of the ceiling: no throttling, no errors, no latency drift', kind: 'soak', expectation: 'zero-throttled', defaultRate: Math.round(SOAK_SHARE * DOCUMENTED_CEILING), rateIsTotal: false, defaultDurationMs: 5 * M, maxDurationMs: 60 * M },
});

export function getProfile(name: string | undefined): Profile {
  if (!name) throw new LoadConfigError(`--profile is required: one of ${Object.keys(PROFILES).join(', ')}`);
  const p = (PROFILES as Record<string, Profile>)[name];
  if (!p) throw new LoadConfigError(`--profile "${name}" is unknown: use one of ${Object.keys(PROFILES).join(', ')}`);
  return p;
}

/** Duration of the run (or of each ceiling step), whole seconds within the profile's maximum. */
export function profileDuration(p: Profile, requestedMs: number | undefined): number {
  const ms = requestedMs ?? p.defaultDurationMs;
  if (ms % 1000 !== 0) throw new LoadConfigError(`--duration must be whole seconds (so every command gets exactly rate × duration calls), got ${ms} ms`);
  if (ms > p.maxDurationMs) throw new LoadConfigError(`--duration ${ms / 1000}s is above the ${p.name} maximum of ${p.maxDurationMs / 1000}s`);
  return ms / 1000;
}

/** Per-command rates of a steady or soak profile for the selected commands. */
export function profileRates(p: Profile, commands: LoadCommand[], rate?: number, ceiling = DOCUMENTED_CEILING): Rates {
  if (commands.length === 0) throw new LoadConfigError('--commands selects no command');
  const base = rate ?? (p.name === 'soak' ? Math.round(SOAK_SHARE * ceiling) : p.defaultRate);
  const max = p.rateIsTotal ? MAX_RATE_PER_COMMAND * LOAD_COMMANDS.length : MAX_RATE_PER_COMMAND;
  if (!Number.isInteger(base) || base < 1 || base > max) throw new LoadConfigError(`--rate must be a whole number from 1 to ${max}, got ${base}`);
  if (p.rateIsTotal) {
    const weights: Rates = {};
    for (const c of commands) weights[c] = MIX_WEIGHTS[c] ?? 1;
    const out = pairChurn(apportion(base, weights));
    if (commands.some((c) => (out[c] ?? 0) < 1)) throw new LoadConfigError(`--rate ${base} is too low for the mix: every selected command needs at least 1/s`);
    return out;
  }
  const out: Rates = {};
  for (const c of commands) out[c] = base;
  return out;
}

/** create and del run at the same rate (each del removes what a create made); the difference goes to another command. */
export function pairChurn(rates: Rates): Rates {
  const c = rates['recentcontact/create_contact_group'];
  const d = rates['recentcontact/del_contact_group'];
  if (c === undefined || d === undefined || c === d) return rates;
  const out = { ...rates };
  const low = Math.min(c, d);
  out['recentcontact/create_contact_group'] = low;
  out['recentcontact/del_contact_group'] = low;
  const other = LOAD_COMMANDS.find((x) => (out[x] ?? 0) > 0 && x !== 'recentcontact/create_contact_group' && x !== 'recentcontact/del_contact_group');
  if (other) out[other] = (out[other] as number) + Math.abs(c - d);
  return out;
}
