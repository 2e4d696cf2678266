/** Fault injection: every configured fault matching the command fires with its probability (seeded PRNG). */
import { ErrorCodes } from '../../errors/index.ts';
import type { Runtime } from '../runtime.ts';

export interface FaultDecision {
  /** Added delay before the rest of the pipeline runs. */
  latencyMs: number;
  /** A terminal fault: answer 502, reset the connection, or answer an error code. */
  action?: { kind: 'http502' } | { kind: 'reset' } | { kind: 'error'; code: number };
}

const NONE: FaultDecision = Object.freeze({ latencyMs: 0 });

export function decideFaults(rt: Runtime, command: string): FaultDecision {
  const faults = rt.config.faults;
  if (faults.length === 0) return NONE;
  let latencyMs = 0;
  for (const f of faults) {
    if (f.command !== '*' && f.command !== command) continue;
    if (!(rt.random() < f.probability)) continue;
    if (f.kind === 'latency') {
      latencyMs += f.latencyMs ?? 0;
      rt.stats.faults.latency++;
      continue;
    }
    rt.stats.faults[f.kind]++;
    const action = f.kind === 'error' ? { kind: 'error' as const, code: f.code ?? ErrorCodes.INTERNAL_ERROR } : { kind: f.kind };
    return { latencyMs, action };
  }
  return latencyMs > 0 ? { latencyMs } : NONE;
}
