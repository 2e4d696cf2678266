/** reports/selfcheck/summary.json: build, write, read (the combined report reads it). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJUnit } from './junit.ts';
import type { BaselineResult, BenignResult, SelfcheckSummary, VariantResult } from './types.ts';

export interface SummaryInput {
  startedAt: Date;
  finishedAt: Date;
  parallel: number;
  timeoutMs: number;
  baseline: { contracts: BaselineResult; load: BaselineResult | null };
  variants: VariantResult[];
  benign?: BenignResult[];
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** gate = pass iff every baseline passed, every mutant was killed and every benign variant passed. */
export function buildSummary(i: SummaryInput): SelfcheckSummary {
  const count = (o: VariantResult['outcome']): number => i.variants.filter((v) => v.outcome === o).length;
  const benign = i.benign ?? [];
  const countBenign = (o: BenignResult['outcome']): number => benign.filter((b) => b.outcome === o).length;
  const killed = count('killed');
  const passed = countBenign('passed');
  const baselinesPass = i.baseline.contracts.passed && (i.baseline.load?.passed ?? true);
  const allKilled = killed === i.variants.length;
  const noFalseFailure = passed === benign.length;
  return {
    schemaVersion: 1,
    kind: 'tcim-selfcheck-summary',
    gate: baselinesPass && allKilled && noFalseFailure ? 'pass' : 'fail',
    killRate: rate(killed, i.variants.length),
    startedAt: i.startedAt.toISOString(),
    finishedAt: i.finishedAt.toISOString(),
    wallMs: i.finishedAt.getTime() - i.startedAt.getTime(),
    parallel: i.parallel,
    timeoutMs: i.timeoutMs,
    counts: { variants: i.variants.length, killed, survived: count('survived'), error: count('error') },
    falseFailureRate: rate(benign.length - passed, benign.length),
    benignCounts: { variants: benign.length, passed, failed: countBenign('failed'), error: countBenign('error') },
    baseline: i.baseline,
    variants: i.variants,
    benign,
  };
}

/** Writes summary.json and junit.xml into `selfcheckDir`; returns their paths. */
export function writeSelfcheckReports(selfcheckDir: string, summary: SelfcheckSummary): { summary: string; junit: string } {
  mkdirSync(selfcheckDir, { recursive: true });
  const files = { summary: join(selfcheckDir, 'summary.json'), junit: join(selfcheckDir, 'junit.xml') };
  writeFileSync(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(files.junit, renderJUnit(summary));
  return files;
}

export class SelfcheckSummaryError extends Error {
  override name = 'SelfcheckSummaryError';
}

/**
 * The last self-check summary under `reportsDir` (`<reportsDir>/selfcheck/summary.json`), or
 * undefined when no self-check has run. Throws SelfcheckSummaryError when the file is not a summary.
 */
export function readSelfcheckSummary(reportsDir: string): SelfcheckSummary | undefined {
  const file = join(reportsDir, 'selfcheck', 'summary.json');
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SelfcheckSummaryError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const s = data as Partial<SelfcheckSummary> | null;
  if (!s || s.kind !== 'tcim-selfcheck-summary' || s.schemaVersion !== 1 || !Array.isArray(s.variants) || (s.gate !== 'pass' && s.gate !== 'fail') || typeof s.killRate !== 'number' || !s.baseline) {
    throw new SelfcheckSummaryError(`${file} is not a tcim-harness self-check summary (schemaVersion 1)`);
  }
  // A summary written before the benign catalogue existed: no benign variant ran.
  const benign = Array.isArray(s.benign) ? s.benign : [];
  return {
    ...(s as SelfcheckSummary),
    benign,
    falseFailureRate: typeof s.falseFailureRate === 'number' ? s.falseFailureRate : 0,
    benignCounts: s.benignCounts ?? { variants: benign.length, passed: benign.filter((b) => b.outcome === 'passed').length, failed: benign.filter((b) => b.outcome === 'failed').length, error: benign.filter((b) => b.outcome === 'error').length },
  };
}
