/**
 * Playwright's results.json (its `json` reporter) read as one flat list of contract tests, each with
 * the one outcome every reader uses: the contracts command's exit code, the combined report and the
 * self-check all classify a test here, so a harness error cannot be a failure in one and not another.
 */

export interface Annotation {
  type: string;
  description?: string;
}

export interface Attachment {
  name: string;
  contentType: string;
  /** base64 */
  body?: string;
  path?: string;
}

interface JsonResult {
  status?: string;
  duration?: number;
  error?: { message?: string };
  errors?: { message?: string }[];
  annotations?: Annotation[];
  attachments?: Attachment[];
}

export interface JsonTest {
  projectName: string;
  /** Playwright's outcome of the test over all its retries. */
  status: 'expected' | 'unexpected' | 'skipped' | 'flaky';
  annotations?: Annotation[];
  results?: JsonResult[];
}

interface JsonSuite {
  title: string;
  file?: string;
  specs?: { title: string; file?: string; tests: JsonTest[] }[];
  suites?: JsonSuite[];
}

export interface JsonReport {
  suites?: JsonSuite[];
  /** Errors outside any test (global set-up, a spec file that does not load). */
  errors?: { message?: string }[];
  stats?: { expected?: number; unexpected?: number; skipped?: number; flaky?: number; duration?: number };
}

/**
 * passed / skipped; failed (the target broke a contract); inconclusive (throttled beyond the retries or
 * unreachable: run again); harness (the harness's own code or configuration failed, not the target);
 * interrupted (the run was cut short — also a harness matter, not the target's).
 */
export type TestOutcome = 'passed' | 'skipped' | 'failed' | 'inconclusive' | 'harness' | 'interrupted';

export interface ContractTest {
  /** `[project] file › describe › title`: the name the CLI, the self-check and `--grep` use. */
  name: string;
  /** The test's own title (the spec). */
  title: string;
  file: string;
  projectName: string;
  status: JsonTest['status'];
  outcome: TestOutcome;
  /** Declared and runtime annotations (doc, covers, inconclusive, harness-error, …), without repeats. */
  annotations: Annotation[];
  /** First error of the last attempt. */
  error?: string;
  /** Attachments of the last attempt (request, response, curl). */
  attachments: Attachment[];
  /** Every attempt together, ms. */
  durationMs: number;
}

/** Projects that prepare and clean up the run; they test nothing of the target. */
export const SOLO_PROJECTS = new Set(['setup', 'teardown']);

/** Failures of the harness's own code loading, not of the target. */
const LOAD_ERROR = /SyntaxError: The requested module|Cannot find module|ERR_MODULE_NOT_FOUND|Error: No tests found/;

/**
 * Declared and runtime annotations of a test (the last attempt's), without repeats. Works on a JSON
 * test and on the reporter API's TestCase alike, so the coverage reporter sees what the verdict sees.
 */
export function annotationsOf(t: { annotations?: readonly Annotation[]; results?: readonly { annotations?: readonly Annotation[] }[] }): Annotation[] {
  const last = t.results?.[t.results.length - 1];
  const seen = new Set<string>();
  return [...(t.annotations ?? []), ...(last?.annotations ?? [])].filter((a) => {
    const k = `${a.type}\0${a.description ?? ''}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function outcomeOf(t: JsonTest, annotations: Annotation[]): TestOutcome {
  if (t.status === 'skipped') return 'skipped';
  if (t.status === 'expected') return 'passed';
  const has = (type: string): boolean => annotations.some((a) => a.type === type);
  const messages = (t.results ?? []).flatMap((r) => (r.errors?.length ? r.errors : r.error ? [r.error] : []).map((e) => e.message ?? '')).join('\n');
  // Order matters: a harness error explains whatever else the test reports.
  if (has('harness-error') || has('config-error') || LOAD_ERROR.test(messages)) return 'harness';
  if (has('inconclusive') || /InconclusiveError/.test(messages)) return 'inconclusive';
  if ((t.results ?? []).some((r) => r.status === 'interrupted')) return 'interrupted';
  return 'failed';
}

function* walk(suite: JsonSuite, path: string[]): Generator<ContractTest> {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests) {
      const last = t.results?.[t.results.length - 1];
      const annotations = annotationsOf(t);
      const error = last?.error?.message ?? last?.errors?.[0]?.message;
      yield {
        name: `[${t.projectName}] ${[...here, spec.title].join(' › ')}`,
        title: spec.title,
        file: spec.file ?? suite.file ?? '',
        projectName: t.projectName,
        status: t.status,
        outcome: outcomeOf(t, annotations),
        annotations,
        ...(error ? { error } : {}),
        attachments: last?.attachments ?? [],
        durationMs: (t.results ?? []).reduce((n, r) => n + (r.duration ?? 0), 0),
      };
    }
  }
  for (const child of suite.suites ?? []) yield* walk(child, here);
}

/** Every test of the report, in report order. */
export function contractTests(report: JsonReport | undefined): ContractTest[] {
  return (report?.suites ?? []).flatMap((s) => [...walk(s, [])]);
}
