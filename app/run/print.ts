/** What `tcim-harness run` prints at the end: the verdict and each step's exit code, or the same as JSON. */
import type { RunResult } from './job.ts';

export function formatRunResult(r: RunResult, json: boolean): string {
  const report = r.report;
  if (!report) return '';
  if (json) return JSON.stringify({ runId: r.runId, verdict: report.verdict, steps: r.steps, report: report.file, browser: r.browser, exitCode: r.exitCode }, null, 2);
  const steps = r.steps.map((e) => `  ${e.step.padEnd(14)} exit ${e.code}`);
  return [`\n${report.verdict.verdict} — ${report.verdict.reasons.join('; ')}`, ...steps, `report: ${report.file}\n${r.browser}`].join('\n');
}
