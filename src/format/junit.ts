/**
 * The one JUnit XML writer. Report builders (load thresholds, self-check variants) describe their
 * results as suites of cases; this module owns the XML: escaping, the counts on <testsuites> and
 * <testsuite> (computed from the cases, so they cannot disagree with them) and the element layout CI
 * tools read (GitHub, GitLab and Jenkins show <failure> as a failed test and <error> as an errored one).
 */
import { escapeXml as x } from './escape.ts';

/** A <failure> (the checked thing is wrong) or <error> (it could not be judged). */
export interface JUnitProblem {
  /** One line, shown by CI next to the test name. */
  message: string;
  /** Optional `type` attribute, e.g. `threshold`, `inconclusive`. */
  type?: string;
  /** Longer text inside the element; without it the element is self-closing. */
  body?: string;
}

export interface JUnitCase {
  classname: string;
  name: string;
  /** Duration; 0 when the case is a check rather than a timed run. */
  timeMs?: number;
  failure?: JUnitProblem;
  error?: JUnitProblem;
  /** Shown by CI under a passed test (what was observed). */
  systemOut?: string;
}

export interface JUnitSuite {
  name: string;
  cases: JUnitCase[];
  timeMs?: number;
  /** ISO time the suite started. */
  timestamp?: string;
}

export interface JUnitReport {
  name: string;
  suites: JUnitSuite[];
  timeMs?: number;
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

function counts(cases: JUnitCase[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => c.error).length;
  return `tests="${cases.length}" failures="${failures}" errors="${errors}"`;
}

function problem(tag: 'failure' | 'error', p: JUnitProblem): string {
  const attrs = `message="${x(p.message)}"${p.type === undefined ? '' : ` type="${x(p.type)}"`}`;
  return p.body === undefined || p.body === '' ? `      <${tag} ${attrs}/>` : `      <${tag} ${attrs}>${x(p.body)}</${tag}>`;
}

function testcase(c: JUnitCase): string {
  const head = `    <testcase classname="${x(c.classname)}" name="${x(c.name)}" time="${seconds(c.timeMs)}"`;
  const inner = [
    ...(c.failure ? [problem('failure', c.failure)] : []),
    ...(c.error ? [problem('error', c.error)] : []),
    ...(c.systemOut === undefined ? [] : [`      <system-out>${x(c.systemOut)}</system-out>`]),
  ];
  return inner.length ? `${head}>\n${inner.join('\n')}\n    </testcase>` : `${head}/>`;
}

function testsuite(s: JUnitSuite): string {
  const time = s.timeMs === undefined ? '' : ` time="${seconds(s.timeMs)}"`;
  const stamp = s.timestamp === undefined ? '' : ` timestamp="${x(s.timestamp)}"`;
  return [`  <testsuite name="${x(s.name)}" ${counts(s.cases)} skipped="0"${time}${stamp}>`, ...s.cases.map(testcase), '  </testsuite>'].join('\n');
}

/** The whole junit.xml document, ending with a newline. */
export function junitXml(r: JUnitReport): string {
  const all = r.suites.flatMap((s) => s.cases);
  const time = r.timeMs === undefined ? '' : ` time="${seconds(r.timeMs)}"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${x(r.name)}" ${counts(all)}${time}>`, ...r.suites.map(testsuite), '</testsuites>', ''].join('\n');
}
