/** `tcim-harness emulator`: one line on stdout, serves until SIGTERM (exit 0); refuses non-loopback hosts (exit 2). */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ImClient } from '../../src/client/index.ts';
import { isLoopbackHost, parseEmulatorArgs } from '../../app/cli/commands/emulator.ts';
import { EMULATOR_DEFAULTS } from '../../src/emulator/defaults.ts';
import { ErrorCodes } from '../../src/errors/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LINE = /^tcim emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) sdkappid=(\d+) admin=(\S+)$/;

function cli(args: string[]): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(process.execPath, ['bin/tcim-harness.js', 'emulator', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err };
}

async function firstLine(p: ReturnType<typeof cli>): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (!p.out().includes('\n')) {
    if (Date.now() > deadline || p.child.exitCode !== null) throw new Error(`no line from the CLI; stderr: ${p.err()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return p.out().split('\n')[0]!;
}

test('CLI serves, answers, and stops cleanly on SIGTERM', { timeout: 30_000 }, async () => {
  const p = cli(['--port', '0', '--page-size', '5']);
  try {
    const line = await firstLine(p);
    const m = LINE.exec(line);
    assert.ok(m, line);
    assert.equal(Number(m[3]), EMULATOR_DEFAULTS.sdkappid);
    assert.equal(m[4], EMULATOR_DEFAULTS.admin);
    assert.doesNotMatch(p.out(), new RegExp(EMULATOR_DEFAULTS.secretKey));
    const health = (await (await fetch(`${m[1]}/_emulator/health`)).json()) as { ok: boolean };
    assert.equal(health.ok, true);
    const client = new ImClient({ baseUrl: m[1]!, sdkappid: EMULATOR_DEFAULTS.sdkappid, admin: EMULATOR_DEFAULTS.admin, auth: { kind: 'secret-key', secretKey: EMULATOR_DEFAULTS.secretKey }, timeoutMs: 5000, usersigExpireSeconds: 3600 });
    const r = await client.call('im_open_login_svc/account_import', { UserID: 'cli-user' });
    assert.equal(r.body?.ErrorCode, ErrorCodes.OK);
    assert.ok(r.validation.ok);
    assert.equal(((await (await fetch(`${m[1]}/_emulator/config`)).json()) as { pageSize: number }).pageSize, 5);
  } finally {
    p.child.kill('SIGTERM');
  }
  const [code] = await once(p.child, 'exit');
  assert.equal(code, 0, p.err());
  assert.equal(p.out().trim().split('\n').length, 1, 'exactly one line on stdout');
});

test('CLI refuses a non-loopback host and unknown options with exit 2', { timeout: 30_000 }, async () => {
  for (const args of [['--host', '10.0.0.1'], ['--host', '0.0.0.0'], ['--bogus'], ['--port', 'x'], ['--edition', 'gold']]) {
    const p = cli(args);
    const [code] = await once(p.child, 'exit');
    assert.equal(code, 2, `${args.join(' ')}: ${p.err()}`);
    assert.match(p.err(), /tcim-harness emulator:/);
    if (args[0] === '--host') assert.match(p.err(), /loopback/);
  }
});

test('loopback detection and argument parsing', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', 'LOCALHOST']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['10.0.0.1', '0.0.0.0', '::', 'example.com', '128.0.0.1', '']) assert.ok(!isLoopbackHost(h), h);
  const o = parseEmulatorArgs(['--port', '8710', '--sdkappid', '1400000002', '--admin', 'boss', '--secret-key', 'k', '--edition', 'standard']);
  assert.deepEqual(o, { host: '127.0.0.1', port: 8710, sdkappid: 1400000002, admin: 'boss', secretKey: 'k', config: { edition: 'standard' } });
  assert.throws(() => parseEmulatorArgs(['stray']), /Unexpected argument|positional/i);
});
