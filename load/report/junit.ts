/**
 * junit.xml of a load run: one testcase per threshold per command (a suite per command, plus `run`),
 * and an errored `target_reachable` case when the run could not judge anything. The XML itself is
 * written by the shared writer (src/format/junit.ts).
 */
import { junitXml, type JUnitCase, type JUnitSuite } from '../../src/format/index.ts';
import type { LoadSummary } from './summary.ts';
import { commandAlias, type LoadCommand } from '../plan/commands.ts';

export function toJUnit(s: LoadSummary): string {
  const groups = new Map<string, LoadSummary['checks']>();
  for (const c of s.checks) groups.set(c.command, [...(groups.get(c.command) ?? []), c]);
  const label = (cmd: string): string => (cmd === 'run' ? 'run' : commandAlias(cmd as LoadCommand));
  const suites: JUnitSuite[] = [...groups].map(([cmd, checks]) => ({
    name: `load ${s.profile} ${cmd}`,
    cases: checks.map(
      (c): JUnitCase => ({
        classname: `tcim.load.${s.profile}.${label(cmd)}`,
        name: c.name,
        timeMs: 0,
        ...(c.passed
          ? { systemOut: `observed: ${c.observed}` }
          : { failure: { message: `${c.name}: observed ${c.observed}; expected ${c.expected}`, type: 'threshold', body: `${cmd}\nobserved: ${c.observed}\nexpected: ${c.expected}` } }),
      }),
    ),
  }));
  if (s.verdict === 'inconclusive') {
    suites.push({
      name: `load ${s.profile} target`,
      cases: [{ classname: `tcim.load.${s.profile}.run`, name: 'target_reachable', timeMs: 0, error: { message: s.reason ?? 'inconclusive', type: 'inconclusive' } }],
    });
  }
  return junitXml({ name: `tcim-harness load ${s.profile}`, suites });
}
