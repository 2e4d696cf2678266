/** spawnBounded: exit codes, output log, and a timeout that ends the whole process group. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { spawnBounded } from '../../app/selfcheck/child.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('spawnBounded: exit code, output tail and log file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-child-'));
  try {
    const logFile = join(dir, 'out.log');
    const r = await spawnBounded({ command: process.execPath, args: ['-e', 'console.log("hello"); console.error("oops"); process.exit(1)'], cwd: dir, env: process.env, timeoutMs: 10_000, logFile });
    assert.equal(r.exitCode, 1);
    assert.equal(r.timedOut, false);
    assert.match(r.outputTail, /hello/);
    assert.match(readFileSync(logFile, 'utf8'), /oops/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('spawnBounded: on timeout the child and its own children are killed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-child-'));
  try {
    // The child starts a grandchild (like Playwright starts workers), prints its pid and waits forever.
    const script = `const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log('grandchild=' + g.pid);
      setInterval(() => {}, 1000);`;
    const r = await spawnBounded({ command: process.execPath, args: ['-e', script], cwd: dir, env: process.env, timeoutMs: 1500, logFile: join(dir, 'out.log') });
    assert.equal(r.timedOut, true);
    assert.equal(r.exitCode, null);
    const pid = Number(/grandchild=(\d+)/.exec(r.outputTail)?.[1]);
    assert.ok(pid > 0, r.outputTail);
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((res) => setTimeout(res, 100));
    assert.equal(alive(pid), false, 'the grandchild survived the timeout');
    assert.ok(r.durationMs >= 1500 && r.durationMs < 10_000, String(r.durationMs));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('spawnBounded: a command that cannot start is reported, not thrown', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-child-'));
  try {
    const r = await spawnBounded({ command: join(dir, 'no-such-binary'), args: [], cwd: dir, env: process.env, timeoutMs: 5000, logFile: join(dir, 'out.log') });
    assert.equal(r.exitCode, null);
    assert.match(r.outputTail, /ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('spawnBounded: a background child, and the processes it starts, run at the lowest CPU priority', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-child-'));
  try {
    // The child waits a moment (the priority is set right after the spawn), then starts a grandchild as Playwright starts workers.
    const script = `setTimeout(() => {
        const { execFileSync } = require('node:child_process');
        const grand = execFileSync(process.execPath, ['-e', 'console.log(require("node:os").getPriority())']).toString().trim();
        const fs = require('node:fs');
        const group = fs.existsSync('/proc/self/autogroup') ? fs.readFileSync('/proc/self/autogroup', 'utf8').trim() : 'none';
        console.log('child=' + require('node:os').getPriority() + ' grandchild=' + grand + ' autogroup=' + group);
      }, 200);`;
    const spec = { command: process.execPath, args: ['-e', script], cwd: dir, env: process.env, timeoutMs: 10_000, logFile: join(dir, 'out.log') };
    const low = await spawnBounded({ ...spec, background: true });
    assert.match(low.outputTail, /child=19 grandchild=19/);
    // Linux with autogroups: the child's session (its own: detached) gets nice 19 as well.
    if (existsSync('/proc/self/autogroup')) assert.match(low.outputTail, /autogroup=\S+ nice 19/);
    const normal = await spawnBounded(spec);
    assert.match(normal.outputTail, new RegExp(`child=${getPriority()} grandchild=${getPriority()}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
