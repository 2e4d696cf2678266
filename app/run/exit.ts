import { Exit } from '../../src/core/exit-codes.ts';
import type { Verdict } from '../report/verdict.ts';

export function exitForVerdict(v: Verdict): number {
  return v === 'PASS' ? Exit.PASS : v === 'FAIL' ? Exit.FAIL : v === 'INCONCLUSIVE' ? Exit.INCONCLUSIVE : Exit.CONFIG;
}

/** The exit code of a job made of several steps: a failure outranks inconclusive, which outranks pass. */
export function combineExits(codes: number[]): number {
  if (codes.includes(Exit.CONFIG)) return Exit.CONFIG;
  if (codes.includes(Exit.FAIL)) return Exit.FAIL;
  if (codes.includes(Exit.INCONCLUSIVE)) return Exit.INCONCLUSIVE;
  return Exit.PASS;
}
