/** junit.xml: one testcase per threshold per command (suite per command, plus `run`). */
import type { LoadSummary } from './summary.ts';
import { shortName, type LoadCommand } from '../plan/commands.ts';

export const xmlEscape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function toJUnit(s: LoadSummary): string {
  const groups = new Map<string, LoadSummary['checks']>();
  for (const c of s.checks) groups.set(c.command, [...(groups.get(c.command) ?? []), c]);
  const suites: string[] = [];
  const label = (cmd: string): string => (cmd === 'run' ? 'run' : shortName(cmd as LoadCommand));
  for (const [cmd, checks] of groups) {
    const failures = checks.filter((c) => !c.passed).length;
    const cases = checks.map((c) => {
      const head = `    <testcase classname="tcim.load.${xmlEscape(s.profile)}.${xmlEscape(label(cmd))}" name="${xmlEscape(c.name)}" time="0">`;
      const body = c.passed
        ? `      <system-out>${xmlEscape(`observed: ${c.observed}`)}</system-out>`
        : `      <failure message="${xmlEscape(`${c.name}: observed ${c.observed}; expected ${c.expected}`)}" type="threshold">${xmlEscape(`${cmd}\nobserved: ${c.observed}\nexpected: ${c.expected}`)}</failure>`;
      return `${head}\n${body}\n    </testcase>`;
    });
    suites.push(`  <testsuite name="load ${xmlEscape(s.profile)} ${xmlEscape(cmd)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (s.verdict === 'inconclusive') {
    suites.push(
      `  <testsuite name="load ${xmlEscape(s.profile)} target" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="tcim.load.${xmlEscape(s.profile)}.run" name="target_reachable" time="0">\n      <error message="${xmlEscape(s.reason ?? 'inconclusive')}" type="inconclusive"/>\n    </testcase>\n  </testsuite>`,
    );
  }
  const tests = s.checks.length + (s.verdict === 'inconclusive' ? 1 : 0);
  const failures = s.checks.filter((c) => !c.passed).length;
  const errors = s.verdict === 'inconclusive' ? 1 : 0;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tcim-harness load ${xmlEscape(s.profile)}" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}
