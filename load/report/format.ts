/** The readable summary table the CLI prints to stdout. */
import { leakAccountsText, type LoadSummary } from './summary.ts';

const pad = (s: string, n: number, right = false): string => (right ? s.padStart(n) : s.padEnd(n));
const f = (n: number, d = 2): string => (Number.isInteger(n) ? String(n) : n.toFixed(d));
const listCounts = (c: Record<string, number>): string => Object.entries(c).map(([k, v]) => `${k}×${v}`).join(' ') || '0';

export function formatSummary(s: LoadSummary, files?: { summary: string; junit: string; html: string }): string {
  const out: string[] = [];
  out.push(`load ${s.profile} — ${s.verdict.toUpperCase()} (exit ${s.exitCode})${s.reason ? `: ${s.reason}` : ''}`);
  out.push(`run ${s.runIds.join(',')} · segment ${s.segments.map((x) => `${x.index}/${x.count}`).join(',')}${s.merged ? ' (merged)' : ''} · ${s.target.kind} ${s.target.baseUrl} · ${s.expectation.seconds}s`);
  const head = ['command', 'target/s', 'achieved/s', 'calls', 'ok', 'throttled', 'p50 ms', 'p95 ms', 'p99 ms', 'late', 'contract errors', 'consequences'];
  const rows = Object.values(s.commands).map((c) => [
    c.command.replace('recentcontact/', ''),
    String(c.targetRate),
    c.achievedRate.toFixed(2),
    String(c.calls),
    String(c.ok),
    `${(c.throttledShare * 100).toFixed(1)} %`,
    f(c.latencyMs.p50),
    f(c.latencyMs.p95),
    f(c.latencyMs.p99),
    String(c.late),
    listCounts({ ...c.contractErrors, ...Object.fromEntries(Object.entries(c.perItemFailures).map(([k, v]) => [`item ${k}`, v])) }),
    listCounts(c.consequences),
  ]);
  if (rows.length) {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (r: string[]) => r.map((x, i) => pad(x, widths[i] as number, i > 0 && i < 10)).join('  ');
    out.push('', line(head), ...rows.map(line));
  }
  const failed = s.checks.filter((c) => !c.passed);
  out.push('', `checks: ${s.checks.length - failed.length} passed, ${failed.length} failed`);
  for (const c of failed) out.push(`  FAIL ${c.command.replace('recentcontact/', '')} ${c.name}: observed ${c.observed}; expected ${c.expected}`);
  if (s.ceiling) for (const [cmd, x] of Object.entries(s.ceiling.perCommand)) out.push(`ceiling ${cmd.replace('recentcontact/', '')}: ${x.text}`);
  if (s.observedLimiter && (s.observedLimiter.shape !== 'undetermined' || s.totals.throttled > 0)) out.push(`${s.observedLimiter.text}${s.expectation.limiter ? ` (expected: ${s.expectation.limiter})` : ''}`);
  out.push(...baselineLines(s));
  const g = s.generator;
  out.push(`generator: vegeta ${g.version}, ${g.cpuSeconds ?? '?'} CPU s (${g.cpuPercent ?? '?'} % of a core), up to ${g.maxWorkers} workers`);
  if (s.emulator) out.push(`embedded emulator: ${s.emulator.cpuSeconds ?? '?'} CPU s (${s.emulator.cpuPercent ?? '?'} % of a core), headroom ≈ ${s.emulator.headroom ?? '?'}×`);
  if (s.leakCheck) out.push(`leak check: ${s.leakCheck.passed ? 'nothing left' : 'LEFTOVERS'} (${s.leakCheck.checkedUsers} users, ${s.leakCheck.leftoverGroups} groups, ${s.leakCheck.leftoverConversations} conversations${leakAccountsText(s.leakCheck)})`);
  if (files) out.push(`reports: ${files.summary}, ${files.junit}, ${files.html}`);
  return out.join('\n');
}

/** The baseline comparison in a few lines: against which run, how many figures moved beyond tolerance. */
export function baselineLines(s: LoadSummary): string[] {
  const b = s.baseline;
  if (!b) return [];
  if (!b.against) return b.notes.map((n) => `baseline: ${n}`);
  const bad = b.comparisons.filter((c) => !c.passed);
  const head = `baseline: run ${b.against.runId} of ${b.against.startedAt} (${b.against.source}): ${b.comparisons.length} figures compared, ${bad.length ? `${bad.length} beyond tolerance` : 'all within tolerance'}`;
  return [head, ...bad.map((c) => `  WORSE ${c.command.replace('recentcontact/', '')} ${c.text}`), ...b.notes.map((n) => `  note: ${n}`)];
}
