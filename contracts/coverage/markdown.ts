/** coverage.md: the coverage table for humans (one row per code, one column per command). */
import type { Cell, Matrix } from './matrix.ts';

const MARK: Record<Cell['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  inconclusive: '⚠️ inconclusive',
  'not-triggerable': '➖ not triggerable',
  'not-run': '⏸ not run',
  untested: '🚫 NO TEST',
};

const short = (command: string): string => command.split('/')[1] ?? command;

export interface Summary {
  runId: string;
  target: string;
  counts: Record<string, number>;
  drift: string[];
  inconclusive: string[];
  calls: { target: number; private: number };
  throttled: number;
  transient: number;
  /** Writes whose lost answer came after the server applied them: undone and sent again (src/client/applied.ts). */
  appliedRetries?: number;
  /** Tests that met a lost answer or a throttle answer and passed after retrying. */
  retried?: string[];
}

export function renderMarkdown(m: Matrix, s: Summary): string {
  const commands = [...new Set(m.cells.map((c) => c.command))];
  const codes = [...new Set(m.cells.map((c) => c.code))];
  const lines = [
    `# Contract coverage — run ${s.runId} on ${s.target}`,
    '',
    `**Coverage gate: ${m.gate.toUpperCase()}** — ${m.gateReason}`,
    '',
    `Tests: ${Object.entries(s.counts).map(([k, v]) => `${v} ${k}`).join(', ')}. Calls: ${s.calls.target} to the target, ${s.calls.private} to private emulators; ${s.throttled} throttle answers and ${s.transient} transient failures retried${s.appliedRetries ? ` (${s.appliedRetries} after an applied write)` : ''}.`,
    '',
    `| code | name | ${commands.map(short).join(' | ')} |`,
    `|---|---|${commands.map(() => '---').join('|')}|`,
  ];
  for (const code of codes) {
    const row = commands.map((cmd) => {
      const c = m.cells.find((x) => x.code === code && x.command === cmd);
      if (!c) return '';
      return `${MARK[c.status]}${c.observed ? ' (observed)' : ''}`;
    });
    lines.push(`| ${code} | ${m.cells.find((c) => c.code === code)?.name ?? ''} | ${row.join(' | ')} |`);
  }
  const reasons = m.cells.filter((c) => c.reason && c.status !== 'passed');
  if (reasons.length) {
    lines.push('', '## Not passed, with reasons', '');
    for (const c of reasons) lines.push(`- ${c.code} ${c.command} — ${MARK[c.status]}: ${c.reason}`);
  }
  if (m.notApplicable.length) {
    lines.push('', '## Documented codes no command of the family answers', '');
    for (const n of m.notApplicable) lines.push(`- ${n.code} ${n.name}: ${n.reason}`);
  }
  if (s.drift.length) {
    lines.push('', '## Drift warnings (staging differs from the schemas; not failures unless --strict)', '');
    for (const d of s.drift) lines.push(`- ${d}`);
  }
  if (s.inconclusive.length) {
    lines.push('', '## Inconclusive tests (throttled or unreachable; run again)', '');
    for (const t of s.inconclusive) lines.push(`- ${t}`);
  }
  return `${lines.join('\n')}\n`;
}
