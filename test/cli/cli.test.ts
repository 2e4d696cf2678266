/** The CLI as a user meets it: exit codes, messages that say what to fix, no stack traces, no secrets. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startEmulator, EMULATOR_DEFAULTS, type RunningEmulator } from '../../src/emulator/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/tcim-harness.js');
let emu: RunningEmulator;

before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

/** Runs the CLI in a child process; async, so the in-process emulator keeps answering meanwhile. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_')));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...clean, ...env }, timeout: 60_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const staging = () => ({ TCIM_BASE_URL: emu.url, TCIM_SDKAPPID: String(emu.sdkappid), TCIM_ADMIN: emu.admin, TCIM_ALLOWED_SDKAPPIDS: String(emu.sdkappid) });
const noStack = (out: string) => assert.ok(!/\n\s+at .+:\d+:\d+/.test(out), `stack trace printed:\n${out}`);

test('--help lists every command; an unknown command is exit 2', async () => {
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  for (const c of ['run', 'contracts', 'load', 'emulator', 'selfcheck', 'report', 'clean', 'doctor', 'usersig']) assert.match(help.out, new RegExp(`\\n  ${c} `));
  const bad = await cli(['frobnicate']);
  assert.equal(bad.code, 2);
  assert.match(bad.out, /unknown command "frobnicate"/);
  for (const c of ['run', 'doctor', 'usersig', 'report', 'clean']) assert.match((await cli([c, '--help'])).out, /Example/);
});

test('doctor pointed at a wrong key says exactly that (exit 2), and never prints the key', async () => {
  const r = await cli(['doctor'], { ...staging(), TCIM_SECRET_KEY: 'wrong-secret-key-0000' });
  assert.equal(r.code, 2);
  assert.match(r.out, /✗ signature: the target answered 70009 USERSIG_VERIFY_FAILED/);
  assert.match(r.out, /TCIM_SECRET_KEY is not the secret key of this SDKAppID/);
  assert.ok(!r.out.includes('wrong-secret-key-0000'));
  noStack(r.out);
});

test('doctor with the right key passes the target checks; without the guard it refuses', async () => {
  const ok = await cli(['doctor', '--json'], { ...staging(), TCIM_SECRET_KEY: EMULATOR_DEFAULTS.secretKey });
  const report = JSON.parse(ok.out.slice(ok.out.indexOf('{'))) as { checks: { name: string; ok: boolean }[] };
  for (const name of ['configuration', 'production guard', 'target answers', 'signature']) assert.ok(report.checks.find((c) => c.name === name)?.ok, name);
  const { TCIM_ALLOWED_SDKAPPIDS: _, ...unguarded } = staging();
  const refused = await cli(['doctor'], { ...unguarded, TCIM_SECRET_KEY: EMULATOR_DEFAULTS.secretKey });
  assert.equal(refused.code, 2);
  assert.match(refused.out, /not listed in TCIM_ALLOWED_SDKAPPIDS/);
});

test('doctor against a target that is down is inconclusive (exit 3)', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const r = await cli(['doctor'], { ...staging(), TCIM_BASE_URL: `http://127.0.0.1:${port}`, TCIM_SECRET_KEY: 'k-k-k-k-k' });
  assert.equal(r.code, 3);
  assert.match(r.out, /unreachable/);
});

test('usersig gen and verify round-trip; a wrong key is exit 1; a missing key is a clear exit 2', async () => {
  const env = { TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'administrator', TCIM_SECRET_KEY: 'usersig-cli-key-0123' };
  const sig = (await cli(['usersig', 'gen', '--expire', '600'], env)).out.trim();
  assert.match(sig, /^[A-Za-z0-9*_-]+$/);
  assert.equal((await cli(['usersig', 'verify', sig], env)).code, 0);
  const wrong = await cli(['usersig', 'verify', sig], { ...env, TCIM_SECRET_KEY: 'another-key-0123' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /bad_signature/);
  const missing = await cli(['usersig', 'gen'], { TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'administrator' });
  assert.equal(missing.code, 2);
  assert.match(missing.out, /TCIM_SECRET_KEY is not set/);
  noStack(missing.out);
});

test('bad options and bad input are exit 2 with a message, never a stack trace', async () => {
  const r1 = await cli(['run', '--profiles', 'smoke,bogus']);
  assert.equal(r1.code, 2);
  assert.match(r1.out, /unknown profile\(s\) bogus/);
  const r2 = await cli(['report', '--dir', mkdtempSync(join(tmpdir(), 'tcim-empty-'))]);
  assert.equal(r2.code, 2);
  assert.match(r2.out, /holds no contract results/);
  const r3 = await cli(['doctor', '--frob']);
  assert.equal(r3.code, 2);
  for (const r of [r1, r2, r3]) noStack(r.out);
  const r4 = await cli(['contracts'], { TCIM_BASE_URL: emu.url, TCIM_SDKAPPID: 'abc', TCIM_ADMIN: 'a', TCIM_SECRET_KEY: 'kkkk' });
  assert.equal(r4.code, 2);
  assert.match(r4.out, /TCIM_SDKAPPID="abc"/);
});
