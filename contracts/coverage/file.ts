/** coverage.json: what contracts/coverage-reporter.ts writes, and what its readers may rely on. */
import type { Summary } from './markdown.ts';
import type { Cell, Gate, Matrix } from './matrix.ts';

export interface CoverageJson extends Summary {
  generatedAt: string;
  /** Playwright's status of the whole run. */
  runStatus: string;
  gate: Gate;
  gateReason: string;
  cells: Cell[];
  notApplicable: Matrix['notApplicable'];
}

/**
 * A coverage.json as read back: the gate and its reason always; the rest is optional because a
 * reader must cope with a file cut short or written by hand (tests, older runs) rather than crash.
 */
export type CoverageFile = Pick<CoverageJson, 'gate' | 'gateReason'> & Partial<Omit<CoverageJson, 'gate' | 'gateReason'>>;
