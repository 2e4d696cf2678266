/**
 * The coverage table: every code of schemas/errors.json (family contact-group) × each command it is
 * documented for → tested / observed / passed / not triggerable on this target. Pure data in, data out.
 */
import { errorTable, scopeOf, type ErrorEntry } from '../../src/errors/index.ts';
import { FAMILY } from '../support/commands.ts';

/** What the reporter knows about one test of the target project. */
export interface TestFacts {
  title: string;
  /** passed | failed | timedOut | skipped | interrupted */
  status: string;
  covers: string[];
  observed: string[];
  /** Reason of a skip annotation, when the test skipped itself. */
  skipReason?: string;
  inconclusive: boolean;
}

export type CellStatus = 'passed' | 'failed' | 'inconclusive' | 'not-triggerable' | 'not-run' | 'untested';

export interface Cell {
  code: number;
  name: string;
  command: string;
  scope: ErrorEntry['scope'];
  doc: string;
  status: CellStatus;
  tested: boolean;
  observed: boolean;
  passed: boolean;
  reason?: string;
  tests: string[];
}

export type Gate = 'pass' | 'fail' | 'incomplete' | 'partial';

export interface Matrix {
  gate: Gate;
  gateReason: string;
  cells: Cell[];
  /** Documented codes that none of the six commands can answer (e.g. 51012 pinning). */
  notApplicable: { code: number; name: string; reason: string }[];
}

const PREFIX = /^not triggerable on this target:\s*/;

function cellStatus(entry: ErrorEntry, tests: TestFacts[]): Pick<Cell, 'status' | 'reason'> {
  if (tests.length === 0) return { status: 'untested', reason: 'no test covers this code for this command' };
  const ran = tests.filter((t) => t.status !== 'skipped');
  if (ran.length === 0) {
    const reasons = tests.map((t) => t.skipReason).filter((r): r is string => !!r);
    if (reasons.length === tests.length) return { status: 'not-triggerable', reason: (reasons[0] ?? '').replace(PREFIX, '') || entry.notTriggerableReason };
    return { status: 'not-run', reason: 'the covering tests did not run (a dependency failed or the run was cut short)' };
  }
  const failed = ran.filter((t) => t.status !== 'passed');
  if (failed.length === 0) return { status: 'passed' };
  return failed.every((t) => t.inconclusive) ? { status: 'inconclusive', reason: 'throttled or unreachable' } : { status: 'failed' };
}

export function buildMatrix(tests: TestFacts[], opts: { partial: boolean }): Matrix {
  const observed = new Set(tests.flatMap((t) => t.observed));
  const cells: Cell[] = [];
  const notApplicable: Matrix['notApplicable'] = [];
  for (const entry of errorTable.filter((e) => e.family === 'contact-group')) {
    const commands = entry.commands.includes('*') ? [...FAMILY] : entry.commands.filter((c) => FAMILY.includes(c));
    if (commands.length === 0) {
      notApplicable.push({ code: entry.code, name: entry.name, reason: entry.notTriggerableReason ?? entry.trigger ?? 'documented for none of the six commands' });
      continue;
    }
    for (const command of commands) {
      const key = `${entry.code} ${command}`;
      const covering = tests.filter((t) => t.covers.includes(key));
      const { status, reason } = cellStatus(entry, covering);
      cells.push({
        code: entry.code,
        name: entry.name,
        command,
        scope: scopeOf(entry.code, command),
        doc: entry.doc,
        status,
        tested: covering.some((t) => t.status !== 'skipped'),
        observed: observed.has(key),
        passed: status === 'passed',
        ...(reason ? { reason } : {}),
        tests: covering.map((t) => t.title),
      });
    }
  }
  const untested = cells.filter((c) => c.status === 'untested');
  const notRun = cells.filter((c) => c.status === 'not-run');
  let gate: Gate = 'pass';
  let gateReason = `all ${cells.length} documented code × command cells have a test`;
  if (tests.length === 0) {
    gate = 'incomplete';
    gateReason = 'no test of the target project was loaded (the run stopped before the tests)';
  } else if (opts.partial) {
    gate = 'partial';
    gateReason = 'a subset of the tests was selected (--grep); coverage is not judged';
  } else if (untested.length) {
    gate = 'fail';
    gateReason = `${untested.length} documented code × command cell(s) have no test: ${untested.slice(0, 8).map((c) => `${c.code} ${c.command}`).join(', ')}${untested.length > 8 ? ', …' : ''}`;
  } else if (notRun.length) {
    gate = 'incomplete';
    gateReason = `${notRun.length} cell(s) were not run`;
  }
  return { gate, gateReason, cells, notApplicable };
}
