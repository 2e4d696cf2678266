/** Runs `tcim-harness contracts` in a child process (like Playwright's runInlineTest) and reads its reports. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { judge, readJson, type CoverageFile, type JsonReport, type Verdict } from '../../contracts/results/verdict.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
export const VARIANTS_MODULE = fileURLToPath(new URL('./variants.fixture.ts', import.meta.url));

export interface Run {
  code: number;
  output: string;
  reportDir: string;
  verdict: Verdict;
  coverage: (CoverageFile & { cells?: { code: number; command: string; status: string; reason?: string }[] }) | undefined;
}

/** The parent's environment without any TCIM_* variable, plus `extra`. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TCIM_') && k !== 'CI') env[k] = v;
  env.CI = '1';
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export async function runContracts(args: string[], extraEnv: Record<string, string | undefined> = {}, timeoutMs = 300_000): Promise<Run> {
  const reportDir = mkdtempSync(join(tmpdir(), 'tcim-contracts-'));
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--report-dir', reportDir, ...args], { cwd: REPO, env: cleanEnv(extraEnv) });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? -1)));
  clearTimeout(timer);
  const report = readJson<JsonReport>(join(reportDir, 'results.json'));
  const coverage = readJson<Run['coverage'] & object>(join(reportDir, 'coverage.json'));
  return { code, output, reportDir, verdict: judge(report, coverage), coverage };
}

/** Test names that failed in junit.xml (a <failure> or <error> inside their <testcase>). */
export function junitFailures(reportDir: string): string[] {
  const file = join(reportDir, 'junit.xml');
  if (!existsSync(file)) return [];
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<testcase name="([^"]*)"[^>]*>([\s\S]*?)<\/testcase>/g)].filter((m) => /<(failure|error)[\s>]/.test(m[2] ?? '')).map((m) => (m[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

/** Entries of a zip archive (stored or deflated), read through its central directory. */
function unzip(buf: Buffer): string[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return [];
  const out: string[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** Every report file as text, including the data zipped into the HTML report (for secret scans). */
export function reportText(reportDir: string): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const f = join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else parts.push(readFileSync(f, 'latin1'));
    }
  };
  walk(reportDir);
  const html = join(reportDir, 'html', 'index.html');
  if (existsSync(html)) {
    const m = /playwrightReportBase64">data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(readFileSync(html, 'utf8'));
    if (m?.[1]) parts.push(...unzip(Buffer.from(m[1], 'base64')));
  }
  return parts.join('\n');
}

/** Removes a run's temporary report directory (called once its assertions passed; kept on failure). */
export function removeReports(...runs: Run[]): void {
  for (const r of runs) rmSync(r.reportDir, { recursive: true, force: true });
}

/** One-line summary for assertion messages. */
export const explain = (r: Run): string => `exit ${r.code}; ${r.verdict.reason}; failed: ${r.verdict.failed.join(' | ')}\n${r.output.slice(-3000)}`;
