/** Synthetic child results for the runner tests (no suite is spawned). */
import type { BenignVariant, CatalogueVariant, KilledBy } from '../../src/emulator/variants/index.ts';
import type { ChildResult, JobResult } from '../../app/selfcheck/types.ts';

export const child = (over: Partial<ChildResult> = {}): ChildResult => ({ exitCode: 0, signal: null, timedOut: false, durationMs: 1234, outputTail: 'last line', ...over });
export const result = (over: Partial<ChildResult> = {}, failedTests: string[] = [], resultsProblem?: string): JobResult => ({
  child: child(over),
  failedTests,
  ...(resultsProblem ? { resultsProblem } : {}),
});

/** A catalogue variant for the runner (its probe is never run there). */
export const entry = (name: string, killedBy: KilledBy = 'contracts'): CatalogueVariant => ({
  name,
  description: `the ${name} bug <with> "markup" & more`,
  config: { pageSize: 3 },
  killedBy,
  probe: { scenario: 'not probed', run: async () => undefined, correct: 0, variant: 1 },
});

/** A catalogue variant that declares the tests that can see it. */
export const seenEntry = (name: string, seenBy: string[]): CatalogueVariant => ({ ...entry(name), seenBy });

/** A benign variant (never started here); `limiter` routes it through the load profile over too. */
export const benignEntry = (name: string, limiter = false): BenignVariant => ({
  name,
  description: `the ${name} choice <differs> & is allowed`,
  kind: 'benign',
  config: limiter ? { choices: { limiter: 'fixed-window' } } : { pageSize: 7 },
  docs: `the docs say nothing about ${name}`,
});

/** A Playwright JSON report with the given tests (nested one describe deep). */
export function playwrightReport(tests: { title: string; status: string; project?: string; annotations?: { type: string }[]; resultStatus?: string }[]): unknown {
  return {
    suites: [
      {
        title: 'specs/x.spec.ts',
        specs: [],
        suites: [
          {
            title: 'group',
            specs: tests.map((t) => ({
              title: t.title,
              tests: [{ projectName: t.project ?? 'emulator', status: t.status, annotations: t.annotations ?? [], results: [{ status: t.resultStatus ?? (t.status === 'unexpected' ? 'failed' : 'passed'), errors: [] }] }],
            })),
          },
        ],
      },
    ],
    errors: [],
  };
}
