/**
 * Reporter writing reports/contracts/coverage.json and coverage.md. A documented code × command with
 * no test makes the gate fail and turns the run status into "failed" (the CLI also reads `gate`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';
import { redact } from '../src/core/redact.ts';
import type { CoverageJson } from './coverage/file.ts';
import { buildMatrix, type TestFacts } from './coverage/matrix.ts';
import { renderMarkdown, type Summary } from './coverage/markdown.ts';
import { annotationsOf, SOLO_PROJECTS } from './results/playwright.ts';
import { resolveRunSettings } from './support/env.ts';

const of = (anns: { type: string; description?: string }[], type: string): string[] => anns.filter((a) => a.type === type).map((a) => a.description ?? '');

export default class CoverageReporter implements Reporter {
  private suite?: Suite;
  constructor(private readonly options: { outputDir?: string } = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    try {
      return this.write(result);
    } catch (e) {
      console.error(`coverage reporter: ${redact(String((e as Error)?.stack ?? e))}`);
      return { status: 'failed' };
    }
  }

  private write(result: FullResult): { status?: FullResult['status'] } | undefined {
    const settings = resolveRunSettings();
    const dir = this.options.outputDir ?? settings.reportDir;
    const all = this.suite?.allTests() ?? [];
    const facts: TestFacts[] = [];
    const summary: Summary = { runId: settings.runId, target: settings.kind, counts: {}, drift: [], inconclusive: [], calls: { target: 0, private: 0 }, throttled: 0, transient: 0, appliedRetries: 0, retried: [] };
    // One line per distinct warning: the same doc-silent answer seen by many tests is one drift, not many.
    const driftTests = new Map<string, string[]>();
    for (const t of all) {
      const anns = annotationsOf(t);
      const last = t.results[t.results.length - 1];
      const status = last?.status ?? 'skipped';
      const title = `[${t.parent.project()?.name ?? '?'}] ${t.titlePath().slice(2).join(' › ')}`;
      summary.counts[status] = (summary.counts[status] ?? 0) + 1;
      for (const d of of(anns, 'drift')) driftTests.set(d, [...(driftTests.get(d) ?? []), title]);
      const inconclusive = of(anns, 'inconclusive').length > 0;
      if (inconclusive && status !== 'passed') summary.inconclusive.push(title);
      for (const c of of(anns, 'calls')) {
        const m = /target=(\d+) private=(\d+)/.exec(c);
        summary.calls.target += Number(m?.[1] ?? 0);
        summary.calls.private += Number(m?.[2] ?? 0);
      }
      const count = (type: string): number => of(anns, type).reduce((n, d) => n + (parseInt(d, 10) || 0), 0);
      summary.throttled += count('throttled');
      summary.transient += count('transient');
      summary.appliedRetries = (summary.appliedRetries ?? 0) + count('retried-applied');
      if (status === 'passed' && count('transient') + count('throttled') > 0) summary.retried?.push(title);
      if (SOLO_PROJECTS.has(t.parent.project()?.name ?? '')) continue;
      const skip = of(anns, 'skip').find((d) => d !== '');
      facts.push({ title, status, covers: of(anns, 'covers'), observed: of(anns, 'observed'), inconclusive, ...(skip ? { skipReason: skip } : {}) });
    }
    summary.drift = [...driftTests].map(([d, titles]) => (titles.length === 1 ? `${titles[0]}: ${d}` : `${d} — in ${titles.length} tests, e.g. ${titles[0]}`));
    const matrix = buildMatrix(facts, { partial: settings.partial });
    mkdirSync(dir, { recursive: true });
    const report: CoverageJson = { generatedAt: new Date().toISOString(), runStatus: result.status, ...summary, gate: matrix.gate, gateReason: matrix.gateReason, cells: matrix.cells, notApplicable: matrix.notApplicable };
    writeFileSync(join(dir, 'coverage.json'), redact(JSON.stringify(report, null, 2)));
    writeFileSync(join(dir, 'coverage.md'), redact(renderMarkdown(matrix, summary)));
    if (matrix.gate === 'fail') {
      console.error(`\ncoverage gate FAILED: ${matrix.gateReason}`);
      return { status: 'failed' };
    }
    return undefined;
  }
}
