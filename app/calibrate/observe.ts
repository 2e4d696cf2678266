/** Reading answers: the code an answer gives and where, and the fields a probe looks at. */
import { itemResults, type CallResult } from '../../src/client/index.ts';

export type Body = Record<string, any> | undefined;

export interface Answer {
  code: number;
  scope: 'top-level' | 'per-item';
  /** ErrorInfo, or the failing item's ResultInfo. */
  text: string | undefined;
}

/** The failure an answer carries: its top-level ErrorCode, else its first failing per-item ResultCode; undefined when all is OK. */
export function failureOf(res: CallResult<unknown>): Answer | undefined {
  const b = res.body as Body;
  if (typeof b?.ErrorCode === 'number' && b.ErrorCode !== 0) return { code: b.ErrorCode, scope: 'top-level', text: typeof b.ErrorInfo === 'string' ? b.ErrorInfo : undefined };
  const item = itemResults(res.command, res.body).find((i) => typeof i.ResultCode === 'number' && i.ResultCode !== 0);
  return item ? { code: item.ResultCode, scope: 'per-item', text: typeof item.ResultInfo === 'string' ? item.ResultInfo : undefined } : undefined;
}

export const hasField = (res: CallResult<unknown>, field: string): boolean => typeof res.body === 'object' && res.body !== null && field in (res.body as object);
