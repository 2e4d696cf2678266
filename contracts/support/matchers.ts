/**
 * Custom matchers on a CallResult: toMatchSchema, toBeImOk, toHaveImError. The HTTP status is 200 for
 * API errors, so every assertion is on the body: ActionStatus, ErrorCode, non-empty ErrorInfo, and
 * per-item ResultCode / ResultInfo where the code is answered per item.
 */
import { expect as baseExpect, test } from '@playwright/test';
import type { CallResult } from '../../src/client/index.ts';
import { redact } from '../../src/core/redact.ts';
import { describeCode } from '../../src/errors/index.ts';
import { formatIssues } from '../../src/schema/index.ts';
import { loadExpectations, type Scope } from '../expectations.ts';
import { itemResults, keyOf, type Contact } from './items.ts';

let expectations: ReturnType<typeof loadExpectations> | undefined;
const scopeOf = (code: number, command: string): Scope => (expectations ??= loadExpectations()).scope(code, command);

type Body = { ActionStatus?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown } | undefined;
const show = (res: CallResult<unknown>): string => {
  const text = redact(res.text);
  return `${res.command} answered HTTP ${res.httpStatus}: ${text.length > 1500 ? `${text.slice(0, 1500)}…` : text}`;
};

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

function envelopeProblem(res: CallResult<unknown>, status: 'OK' | 'FAIL', code: number): string | undefined {
  const b = res.body as Body;
  if (res.httpStatus !== 200) return `HTTP status ${res.httpStatus}, expected 200 (errors are in the body)`;
  if (!b || typeof b !== 'object') return 'the body is not a JSON object';
  if (b.ActionStatus !== status) return `ActionStatus ${JSON.stringify(b.ActionStatus)}, expected "${status}"`;
  if (b.ErrorCode !== code) return `ErrorCode ${JSON.stringify(b.ErrorCode)}, expected ${describeCode(code)}`;
  if (typeof b.ErrorInfo !== 'string') return 'ErrorInfo is missing or not a string';
  if (status === 'FAIL' && b.ErrorInfo.trim() === '') return 'ErrorInfo is empty; an error must say what went wrong';
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
  if (typeof hit.ResultInfo !== 'string' || hit.ResultInfo.trim() === '') return 'ResultInfo of the failing item is empty';
  return undefined;
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
      message: () => (v.ok ? `${res.command}: response matches its schema` : `${res.command}: response does not match its schema: ${formatIssues(v.errors)}\n${show(res)}`),
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

  /** The code, where the error table (or TCIM_EXPECT_SCOPE_<code>) says it is answered. */
  toHaveImError(res: CallResult<unknown>, code: number, opts: { contact?: Contact; scope?: Scope } = {}) {
    const scope = opts.scope ?? scopeOf(code, res.command);
    const problem = scope === 'per-item' ? itemProblem(res, code, opts.contact) : envelopeProblem(res, 'FAIL', code);
    return {
      pass: !problem,
      name: 'toHaveImError',
      message: () => (problem ? `expected ${scope} ${describeCode(code)}: ${problem}\n${show(res)}` : `did not expect ${describeCode(code)}\n${show(res)}`),
    };
  },
});
