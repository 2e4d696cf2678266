/**
 * Emulator benchmark (`npx tsx bench/emulator.ts`), loopback only, figures printed, no assertions on time:
 *  1. throughput of the emulator (rate limit off) vs a bare node:http server returning a fixed JSON body,
 *     same keep-alive load loop (N in flight, bounded in count and time); both servers run in child processes;
 *  2. p50/p95/p99 latency at a paced 200 calls/s for 10 s (default rate limit on, so nothing may be throttled);
 *  3. heap used after filling 1,000 users x 1,000 conversations in-process through the state API.
 * Environment: BENCH_REQUESTS (default 30000), BENCH_CONCURRENCY (default 32), BENCH_PACED_SECONDS (default 10),
 * BENCH_PARTS (default 1,2,3: which of the parts to run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { EMULATOR_DEFAULTS } from '../src/emulator/defaults.ts';
import { EmulatorControlClient, startEmulator } from '../src/emulator/index.ts';
import { addGroupId, setMarkBit } from '../src/emulator/state/conversation.ts';
import { genUserSig } from '../src/usersig/index.ts';
import { parseWholeNumber } from '../src/core/numbers.ts';
import { limits } from '../src/schema/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REQUESTS = parseWholeNumber('BENCH_REQUESTS', process.env.BENCH_REQUESTS, { min: 1, fallback: 30_000 });
const CONCURRENCY = parseWholeNumber('BENCH_CONCURRENCY', process.env.BENCH_CONCURRENCY, { min: 1, fallback: 32 });
const PACED_SECONDS = parseWholeNumber('BENCH_PACED_SECONDS', process.env.BENCH_PACED_SECONDS, { min: 1, fallback: 10 });
const MAX_MS = 20_000;

const BARE_SERVER = `
const http = require('node:http');
const body = Buffer.from(JSON.stringify({ ContactItem: [], GroupItem: [], CompleteFlag: 1, NextStartIndex: 0, ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }));
const s = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }); res.end(body); }); });
s.keepAliveTimeout = 30000;
s.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + s.address().port));
process.on('SIGTERM', () => { s.close(); s.closeAllConnections(); });`;

async function child(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { proc, url };
}

const query = (): string => {
  const usersig = genUserSig({ sdkappid: EMULATOR_DEFAULTS.sdkappid, key: EMULATOR_DEFAULTS.secretKey, identifier: EMULATOR_DEFAULTS.admin, expireSeconds: 86_400 });
  return new URLSearchParams({ sdkappid: String(EMULATOR_DEFAULTS.sdkappid), identifier: EMULATOR_DEFAULTS.admin, usersig, random: '12345', contenttype: 'json' }).toString();
};

function post(agent: Agent, base: string, path: string, body: string): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** N requests in flight until `total` are done or `maxMs` passed; returns requests/s. */
async function load(base: string, path: string, body: string, total: number): Promise<{ done: number; rps: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let sent = 0;
  let done = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + MAX_MS;
  const worker = async (): Promise<void> => {
    while (sent < total && performance.now() < deadline) {
      sent++;
      const r = await post(agent, base, path, body);
      if (r.status !== 200 || !r.text.includes('"ErrorCode":0')) failed++;
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { done, rps: done / seconds, failed };
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

async function throughput(): Promise<void> {
  const path = `/v4/recentcontact/get_contact_group?${query()}`;
  const body = JSON.stringify({ From_Account: 'bench-user', StartIndex: 0 });
  const emu = await child(['bin/tcim-harness.js', 'emulator', '--port', '0']);
  const bare = await child(['-e', BARE_SERVER]);
  try {
    const agent = new Agent({ keepAlive: true });
    await new EmulatorControlClient(emu.url).patchConfig({ throttle: { enabled: false } });
    await post(agent, emu.url, `/v4/im_open_login_svc/account_import?${query()}`, JSON.stringify({ UserID: 'bench-user' }));
    const items = Array.from({ length: 10 }, (_, i) => ({ OptType: 3, ContactItem: { Type: 1, To_Account: `peer${i}` }, SetMark: [1, 40], CustomMark: 'bench' }));
    await post(agent, emu.url, `/v4/recentcontact/mark_contact?${query()}`, JSON.stringify({ From_Account: 'bench-user', MarkItem: items }));
    agent.destroy();
    for (const s of [emu, bare]) await load(s.url, path, body, 3000); // warm-up
    const e = await load(emu.url, path, body, REQUESTS);
    const b = await load(bare.url, path, body, REQUESTS);
    console.log(`1. throughput, ${CONCURRENCY} in flight, keep-alive, get_contact_group with 10 conversations (rate limit off):`);
    console.log(`   emulator   ${e.rps.toFixed(0).padStart(7)} req/s  (${e.done} requests, ${e.failed} not OK)`);
    console.log(`   bare http  ${b.rps.toFixed(0).padStart(7)} req/s  (${b.done} requests)`);
    console.log(`   ratio      ${(e.rps / b.rps).toFixed(2)}x`);
  } finally {
    emu.proc.kill('SIGTERM');
    bare.proc.kill('SIGTERM');
  }
}

async function paced(): Promise<void> {
  const emu = await child(['bin/tcim-harness.js', 'emulator', '--port', '0']);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    await post(agent, emu.url, `/v4/im_open_login_svc/account_import?${query()}`, JSON.stringify({ UserID: 'bench-user' }));
    const calls = [
      ['recentcontact/mark_contact', (i: number) => ({ From_Account: 'bench-user', MarkItem: [{ OptType: 3, ContactItem: { Type: 1, To_Account: `peer${i % 500}` }, SetMark: [i % (limits.maxMarkBit + 1)], CustomMark: `m${i}` }] })],
      ['recentcontact/search_contact_group', (i: number) => ({ From_Account: 'bench-user', ContactItem: [{ Type: 1, To_Account: `peer${i % 500}` }] })],
      ['recentcontact/get_contact_group', () => ({ From_Account: 'bench-user', StartIndex: 0 })],
    ] as const;
    const q = query();
    for (let i = 0; i < 300; i++) {
      const [command, make] = calls[i % calls.length]!;
      await post(agent, emu.url, `/v4/${command}?${q}`, JSON.stringify(make(i))); // warm-up, not measured, under the limit
    }
    await new Promise((r) => setTimeout(r, 1000));
    const total = 200 * PACED_SECONDS;
    const latencies: number[] = [];
    const codes = new Map<string, number>();
    const pending: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const due = start + i * 5;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const [command, make] = calls[i % calls.length]!;
      pending.push(
        post(agent, emu.url, `/v4/${command}?${q}`, JSON.stringify(make(i))).then((r) => {
          latencies.push(r.ms);
          const code = /"ErrorCode":(\d+)/.exec(r.text)?.[1] ?? `HTTP ${r.status}`;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }),
      );
    }
    await Promise.all(pending);
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`2. latency at a paced 200 calls/s for ${PACED_SECONDS} s (${total} calls in ${elapsed.toFixed(1)} s; mark/search/get in turn; rate limit on; after a 300-call warm-up):`);
    console.log(`   p50 ${pct(latencies, 50).toFixed(2)} ms   p95 ${pct(latencies, 95).toFixed(2)} ms   p99 ${pct(latencies, 99).toFixed(2)} ms   max ${latencies.at(-1)?.toFixed(2)} ms`);
    console.log(`   ErrorCodes: ${[...codes].map(([c, n]) => `${c}×${n}`).join(', ')}`);
  } finally {
    agent.destroy();
    emu.proc.kill('SIGTERM');
  }
}

/** `global.gc` when node runs with --expose-gc, else the same function exposed at run time. */
function gcFunction(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap used after full collections (two, so nothing the first one freed late is still counted). */
function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Heap taken by the strings `make(0..n-1)` (held in an array; the array itself is not counted). */
function stringsBytes(gc: () => void, n: number, make: (i: number) => string): number {
  const held = new Array<string>(n).fill('');
  const before = heapAfterGc(gc);
  for (let i = 0; i < n; i++) held[i] = make(i);
  const after = heapAfterGc(gc);
  return held.length === n ? after - before : NaN;
}

async function memory(): Promise<void> {
  const gc = gcFunction();
  const emu = await startEmulator({ config: { throttle: { enabled: false } } });
  try {
    const before = heapAfterGc(gc);
    const app = emu.control.app;
    const now = emu.control.now();
    const cap = { limit: emu.control.config().limits.maxConversationsWithData, mode: emu.control.config().choices.conversationCap };
    const peerOf = (c: number): string => (c % 10 === 0 ? `@TGS#GROUP${c}` : `peer${c}`);
    for (let u = 0; u < 1000; u++) {
      const id = `user${u}`;
      app.importAccount(id);
      const user = app.user(id);
      const groups = Array.from({ length: 5 }, (_, g) => user.createGroup(`group ${g}`));
      for (let c = 0; c < 1000; c++) {
        const ref = c % 10 === 0 ? ({ Type: 2, peer: peerOf(c) } as const) : ({ Type: 1, peer: peerOf(c) } as const);
        user.update(ref, now, cap, (conv) => {
          setMarkBit(conv, c % (limits.maxMarkBit + 1), true);
          conv.custom = `custom-${c}`;
          addGroupId(conv, groups[c % 5]!.GroupId);
          return true;
        });
      }
    }
    const after = heapAfterGc(gc);
    const users = [...app.users.values()];
    const conversations = users.reduce((n, u) => n + u.conversationCount, 0);
    for (const u of users) u.orderedKeys(); // what the first get_contact_group of each user adds
    const withOrder = heapAfterGc(gc);
    const n = conversations;
    const peers = stringsBytes(gc, n, (i) => peerOf(i % 1000));
    const customs = stringsBytes(gc, n, (i) => `custom-${i % 1000}`);
    console.log(`3. heap after filling 1,000 users x 1,000 conversations (${conversations} conversations, 5 groups each, marks + custom marks; heapUsed after forced GC):`);
    console.log(`   heap used ${mb(after)} MB (state: ${mb(after - before)} MB, ${((after - before) / conversations).toFixed(0)} bytes per conversation)`);
    console.log(`   + get_contact_group order caches of all users: ${mb(withOrder - after)} MB (heap used ${mb(withOrder)} MB)`);
    console.log(`   strings the benchmark passes in: custom marks ${mb(customs)} MB (stored), peer ids ${mb(peers)} MB (not stored: the state keeps its own "1:peer" key)`);
  } finally {
    await emu.stop();
  }
}

const PARTS = (process.env.BENCH_PARTS ?? '1,2,3').split(',');
console.log(`tcim emulator benchmark (node ${process.version}, loopback only)`);
if (PARTS.includes('1')) await throughput();
if (PARTS.includes('2')) await paced();
if (PARTS.includes('3')) await memory();
