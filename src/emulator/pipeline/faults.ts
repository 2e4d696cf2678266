/** Fault injection: every configured fault matching the command fires with its probability (seeded PRNG). */
import { ErrorCodes } from '../../errors/index.ts';
import type { Runtime } from '../runtime.ts';
import type { FaultKind } from '../types.ts';

export interface FaultDecision {
  /** Added delay before the rest of the pipeline runs. */
  latencyMs: number;
  /** A terminal fault before the server sees the call: answer 502, reset the connection, or answer an error code. */
  action?: { kind: 'http502' } | { kind: 'reset' } | { kind: 'error'; code: number };
  /** `http502-after`: the call is applied, then answered 502 (its answer is lost). */
  http502After?: boolean;
  /** `close`: the answer carries `Connection: close` and the socket is closed after it. */
  close?: boolean;
}

const NONE: FaultDecision = Object.freeze({ latencyMs: 0 });

/** Stats counter of each fault kind. */
const COUNTER: Record<FaultKind, 'latency' | 'http502' | 'http502After' | 'close' | 'reset' | 'error'> = {
  latency: 'latency',
  http502: 'http502',
  'http502-after': 'http502After',
  close: 'close',
  reset: 'reset',
  error: 'error',
};

export function decideFaults(rt: Runtime, command: string): FaultDecision {
  const faults = rt.config.faults;
  if (faults.length === 0) return NONE;
  const d: FaultDecision = { latencyMs: 0 };
  for (const f of faults) {
    if (f.command !== '*' && f.command !== command) continue;
    if (!(rt.random() < f.probability)) continue;
    rt.stats.faults[COUNTER[f.kind]]++;
    if (f.kind === 'latency') d.latencyMs += f.latencyMs ?? 0;
    else if (f.kind === 'http502-after') d.http502After = true;
    else if (f.kind === 'close') d.close = true;
    else {
      d.action = f.kind === 'error' ? { kind: 'error', code: f.code ?? ErrorCodes.INTERNAL_ERROR } : { kind: f.kind };
      return d;
    }
  }
  return d.latencyMs > 0 || d.http502After || d.close ? d : NONE;
}
