/**
 * Custom matchers on a CallResult: toMatchSchema, toBeImOk, toHaveImError. The HTTP status is 200 for
 * API errors, so every assertion is on the body: ActionStatus, ErrorCode, non-empty ErrorInfo, and
 * per-item ResultCode / ResultInfo where the code is answered per item.
 */
import { expectedForm } from '../../src/rules/index.ts';
import { expect as baseExpect } from '@playwright/test';
import type { CallResult } from '../../src/client/index.ts';
import { redact } from '../../src/core/redact.ts';
import { describeCode } from '../../src/errors/index.ts';
import { formatIssues } from '../../src/schema/index.ts';
import { loadExpectations, type Scope } from '../expectations.ts';
import { annotateOnce, holdTo, softProblem } from './choice.ts';
import { itemResults, keyOf, type Contact } from './items.ts';

export { annotateOnce } from './choice.ts';

/** The words of a failed toMatchSchema: a response that breaks its documented schema (the self-check's evidence kills). */
export const SCHEMA_VIOLATION = 'response does not match its schema';

let expectations: ReturnType<typeof loadExpectations> | undefined;
const scopeOf = (code: number, command: string): Scope => (expectations ??= loadExpectations()).scope(code, command);

type Body = { ActionStatus?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown } | undefined;
const show = (res: CallResult<unknown>): string => {
  const text = redact(res.text);
  return `${res.command} answered HTTP ${res.httpStatus}: ${text.length > 1500 ? `${text.slice(0, 1500)}…` : text}`;
};

/** ErrorInfo/ResultInfo are expected to carry a message (the default reading; a calibrated target may answer ""). */
const errorTextExpected = (): boolean => expectedForm('errorText') === 'message';

function envelopeProblem(res: CallResult<unknown>, status: 'OK' | 'FAIL', code: number): string | undefined {
  const b = res.body as Body;
  if (res.httpStatus !== 200) return `HTTP status ${res.httpStatus}, expected 200 (errors are in the body)`;
  if (!b || typeof b !== 'object') return 'the body is not a JSON object';
  if (b.ActionStatus !== status) return `ActionStatus ${JSON.stringify(b.ActionStatus)}, expected "${status}"`;
  if (b.ErrorCode !== code) return `ErrorCode ${JSON.stringify(b.ErrorCode)}, expected ${describeCode(code)}`;
  if (typeof b.ErrorInfo !== 'string') return 'ErrorInfo is missing or not a string';
  // no doc says ErrorInfo is non-empty on failure (the verdict is ActionStatus/ErrorCode): a choice
  if (status === 'FAIL' && b.ErrorInfo.trim() === '' && errorTextExpected()) return softProblem('ErrorInfo says what went wrong', `${res.command}: ErrorInfo is empty on a failure`);
  return undefined;
}

function itemProblem(res: CallResult<unknown>, code: number, contact?: Contact): string | undefined {
  const top = envelopeProblem(res, 'OK', 0);
  if (top) {
    const b = res.body as Body;
    const hint = b?.ErrorCode === code ? ` — the target answers ${code} top-level; if that is its contract, set TCIM_EXPECT_SCOPE_${code}=top-level` : '';
    return `expected per-item ResultCode ${describeCode(code)} in an OK response, but ${top}${hint}`;
  }
  const items = itemResults(res.command, res.body);
  const candidates = contact ? items.filter((i) => i.ContactItem && keyOf(i.ContactItem) === keyOf(contact)) : items;
  if (candidates.length === 0) return `no per-item result${contact ? ` for ${keyOf(contact)}` : ''} in the response`;
  const hit = candidates.find((i) => i.ResultCode === code);
  if (!hit) return `per-item ResultCode ${candidates.map((i) => i.ResultCode).join(', ')}, expected ${describeCode(code)}`;
  if (typeof hit.ResultInfo !== 'string') return 'ResultInfo of the failing item is missing or not a string';
  if (hit.ResultInfo.trim() === '' && errorTextExpected()) return softProblem('ResultInfo says what went wrong', `${res.command}: ResultInfo of a failing item is empty`);
  return undefined;
}

/**
 * The request was answered as a whole OK (errors, if any, per item). Where a code's place is open the
 * follow-up checks depend on this, not on the expected place: a top-level answer changed nothing.
 */
export const answeredPerItem = (res: CallResult<unknown>): boolean => (res.body as Body)?.ActionStatus === 'OK';

/** The whole answer is OK: top-level OK and every per-item ResultCode 0. */
export const answeredOk = (res: CallResult<unknown>): boolean => envelopeProblem(res, 'OK', 0) === undefined && itemResults(res.command, res.body).every((i) => i.ResultCode === 0);

/** The error an answer reports (top-level FAIL, or a per-item ResultCode in an OK answer), if any. */
function errorSeen(res: CallResult<unknown>, contact?: Contact): { code: number; scope: Scope } | undefined {
  const b = res.body as Body;
  if (res.httpStatus !== 200 || !b || typeof b !== 'object') return undefined;
  if (b.ActionStatus === 'FAIL' && typeof b.ErrorCode === 'number' && b.ErrorCode !== 0) return { code: b.ErrorCode, scope: 'top-level' };
  if (b.ActionStatus !== 'OK' || b.ErrorCode !== 0) return undefined;
  const items = itemResults(res.command, res.body).filter((i) => !contact || (i.ContactItem && keyOf(i.ContactItem) === keyOf(contact)));
  const bad = items.find((i) => typeof i.ResultCode === 'number' && i.ResultCode !== 0);
  return bad ? { code: bad.ResultCode as number, scope: 'per-item' } : undefined;
}

export const expect = baseExpect.extend({
  toMatchSchema(res: CallResult<unknown>) {
    const v = res.validation;
    if (v.ok && v.unknownFields.length > 0) {
      for (const f of v.unknownFields) annotateOnce('drift', `${res.command}: field ${f} is not in the schema`);
    }
    return {
      pass: v.ok,
      name: 'toMatchSchema',
      message: () => (v.ok ? `${res.command}: response matches its schema` : `${res.command}: ${SCHEMA_VIOLATION}: ${formatIssues(v.errors)}\n${show(res)}`),
    };
  },

  toBeImOk(res: CallResult<unknown>) {
    let problem = envelopeProblem(res, 'OK', 0);
    if (!problem) {
      const bad = itemResults(res.command, res.body).filter((i) => i.ResultCode !== 0);
      if (bad.length) problem = `per-item ResultCode ${bad.map((i) => `${i.ResultCode} (${i.ContactItem ? keyOf(i.ContactItem) : '?'})`).slice(0, 5).join(', ')}, expected 0`;
    }
    return { pass: !problem, name: 'toBeImOk', message: () => `${problem ?? 'expected a failure'}\n${show(res)}` };
  },

  /**
   * The code, where the error table (or TCIM_EXPECT_SCOPE_<code>) says it is answered. The place of a code
   * is tcim-harness's choice (schemas/errors.json "scope"), so on a non-strict target the same code at the
   * other place is drift. `choice`: the code itself is doc-silent (names the choice) — any error answer is
   * then accepted with drift. Either way an answer that reports no error at all fails.
   */
  toHaveImError(res: CallResult<unknown>, code: number, opts: { contact?: Contact; scope?: Scope; choice?: string } = {}) {
    const scope = opts.scope ?? scopeOf(code, res.command);
    const exact = (s: Scope, c: number): string | undefined => (s === 'per-item' ? itemProblem(res, c, opts.contact) : envelopeProblem(res, 'FAIL', c));
    let problem = exact(scope, code);
    const seen = errorSeen(res, opts.contact);
    // where the docs leave the code or its place open, the first answer of the run binds the rest of it
    if (seen && opts.choice) problem ??= holdTo(`code of ${opts.choice.slice(0, 60)} on ${res.command}`, seen.code);
    if (seen && scope === 'per-item' && seen.code === code) problem ??= holdTo(`place of ${code} on ${res.command}`, seen.scope);
    if (problem) {
      const other: Scope = scope === 'per-item' ? 'top-level' : 'per-item';
      if (seen === undefined) problem = `${problem} — and the answer reports no error at all`;
      else if (seen.code === code && seen.scope === other) problem = holdTo(`place of ${code} on ${res.command}`, seen.scope) ?? softProblem(`where ${code} is answered`, `${res.command} answers ${code} ${other}, the default is ${scope}`);
      else if (opts.choice && seen.code !== code) problem = holdTo(`code of ${opts.choice.slice(0, 60)} on ${res.command}`, seen.code) ?? softProblem(opts.choice, `${res.command} answers ${seen.code} (${seen.scope}), the default is ${describeCode(code)} ${scope}`);
    }
    return {
      pass: !problem,
      name: 'toHaveImError',
      message: () => (problem ? `expected ${scope} ${describeCode(code)}: ${problem}\n${show(res)}` : `did not expect ${describeCode(code)}\n${show(res)}`),
    };
  },
});
