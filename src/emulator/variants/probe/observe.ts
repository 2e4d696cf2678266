/**
 * What the catalogue probes observe: small scenarios over ProbeContext.call, each returning the one
 * value (a code, a field, a type) in which the correct emulator and a variant differ.
 */
import { ErrorCodes } from '../../../errors/index.ts';
import { defaultConfig } from '../../config.ts';
import type { DeepPartial, EmulatorConfig } from '../../types.ts';
import type { Body, ProbeContext } from '../types.ts';
import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { c2c, createGroup, customMarks, getPageBody, mark, search } from './requests.ts';

/** Probe config of the rate variants: the probe harness turns throttling off by default. */
export const THROTTLE_ON: DeepPartial<EmulatorConfig> = { throttle: { enabled: true } };

/** Calls the rate probes send at once: three times the limiter's burst allowance, so a correct limiter must throttle some. */
export const BURST_CALLS = defaultConfig().throttle.burst * 3;

/** The top-level ErrorCode of one call. */
export const codeOf = async (p: ProbeContext, command: string, body: unknown): Promise<number> => (await p.call(command, body)).ErrorCode as number;

/** [ActionStatus, ErrorCode] of one call. */
export async function envelopeOf(p: ProbeContext, command: string, body: unknown): Promise<[string, number]> {
  const b = await p.call(command, body);
  return [b.ActionStatus as string, b.ErrorCode as number];
}

/** One get_contact_group page of PROBE_USER. */
export const getPage = (p: ProbeContext, start = 0): Promise<Body> => p.call(CM.getContactGroup, getPageBody(start));

/** Custom-marks each of `peerList` (so each has a conversation), then reads the get_contact_group page at `start`. */
export async function markedPage(p: ProbeContext, peerList: string[], start = 0): Promise<Body> {
  await p.call(CM.markContact, customMarks(peerList));
  return getPage(p, start);
}

/** The result (GroupResultItem[0]) of creating group `name` holding `contacts`. */
export const createResult = async (p: ProbeContext, name: string, contacts: object[] = []): Promise<Body> =>
  (await p.call(CM.createContactGroup, createGroup(name, contacts))).GroupResultItem[0] as Body;

/** The first conversation search_contact_group finds for `peer` (undefined when it has no data). */
export async function searchOne(p: ProbeContext, peer: string): Promise<Body | undefined> {
  const b = await p.call(CM.searchContactGroup, search([peer]));
  return (b.ContactResultItem as Body[] | undefined)?.[0];
}

/** Creates `n` groups and returns the code of the next create. */
export async function codeAfterGroups(p: ProbeContext, n: number): Promise<number> {
  for (let i = 0; i < n; i++) await p.call(CM.createContactGroup, createGroup(`g${i}`));
  return codeOf(p, CM.createContactGroup, createGroup('one-too-many'));
}

/** Sets SetMark on peer `p`, optionally clears ClearMark, returns the StandardMark found. */
export async function standardMark(p: ProbeContext, set: number[], clear?: number[]): Promise<unknown> {
  await p.call(CM.markContact, mark([{ OptType: 1, ContactItem: c2c('p'), SetMark: set }]));
  if (clear) await p.call(CM.markContact, mark([{ OptType: 1, ContactItem: c2c('p'), ClearMark: clear }]));
  return (await searchOne(p, 'p'))?.StandardMark;
}

/** The ErrorCode of get_contact_group signed with `usersig` (as `identifier`, default the admin). */
export const codeWithSig = async (p: ProbeContext, usersig: string, identifier?: string): Promise<number> =>
  (await p.call(CM.getContactGroup, getPageBody(), { query: { usersig, ...(identifier ? { identifier } : {}) } })).ErrorCode as number;

/** Distinct error codes of `n` get_contact_group calls sent at once, ascending. */
export async function burstCodes(p: ProbeContext, n: number): Promise<number[]> {
  const answers = await Promise.all(Array.from({ length: n }, () => p.call(CM.getContactGroup, getPageBody())));
  return [...new Set(answers.map((a) => a.ErrorCode as number))].sort((a, b) => a - b);
}

/** Throttled answers among calls paced at `rate`/s for `seconds` (scheduled on absolute times, so a slow call does not slow the pace). */
export async function pacedThrottled(p: ProbeContext, rate: number, seconds: number, throttleCode: number): Promise<number> {
  const start = performance.now();
  const total = Math.round(rate * seconds);
  const pending: Promise<Body>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(p.call(CM.getContactGroup, getPageBody()));
  }
  return (await Promise.all(pending)).filter((a) => a.ErrorCode === throttleCode).length;
}

/** Imports accounts; a failure here is a broken probe set-up, not an observation. */
export async function importUsers(p: ProbeContext, ...ids: string[]): Promise<void> {
  const b = await p.call(CM.multiaccountImport, { Accounts: ids });
  if (b.ErrorCode !== ErrorCodes.OK) throw new Error(`import failed: ${JSON.stringify(b)}`);
}

/** An admin UserSig, correctly signed, issued in January 1970 with a 60 s lifetime: long expired. */
export const expiredSig = (p: ProbeContext): string => p.sig(p.admin, { now: 1_000_000, expireSeconds: 60 });
