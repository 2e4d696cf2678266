/**
 * The process-wide signal watcher (app/cli/interrupt.ts) in a child process: the first signal stops
 * every active scope and the command goes on to its teardown (exit 130 / 143 from interruptExit); a
 * second signal exits at once with the first signal's code, naming what may be left and `tcim-harness clean`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('../../app/cli/interrupt.ts', import.meta.url));

function script(signals: string[]): { status: number | null; stdout: string; stderr: string } {
  const code = `
    const { onInterrupt, interruptExit } = await import(${JSON.stringify(MODULE)});
    const leave = onInterrupt({ name: 'outer', stop: (s) => console.log('outer stopped by ' + s), leftover: () => '' });
    onInterrupt({ name: 'inner', stop: (s) => console.log('inner stopped by ' + s), leftover: () => 'accounts of run r1' });
    const signals = ${JSON.stringify(signals)};
    for (const [i, s] of signals.entries()) setTimeout(() => process.kill(process.pid, s), 100 + i * 200);
    setTimeout(() => { console.log('teardown finished, exit ' + interruptExit()); leave(); process.exitCode = interruptExit() ?? 0; }, 100 + signals.length * 200 + 300);
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('first SIGINT: every scope stops, the command finishes its teardown and exits 130', () => {
  const r = script(['SIGINT']);
  assert.match(r.stdout, /outer stopped by SIGINT\ninner stopped by SIGINT/);
  assert.match(r.stdout, /teardown finished, exit 130/);
  assert.match(r.stderr, /tcim-harness outer › inner: SIGINT received — no new calls; tearing down/);
  assert.equal(r.status, 130);
});

test('SIGTERM: exit 143', () => {
  const r = script(['SIGTERM']);
  assert.match(r.stdout, /teardown finished, exit 143/);
  assert.equal(r.status, 143);
});

test('a second signal during the teardown aborts at once, naming what may be left and `tcim-harness clean`', () => {
  const r = script(['SIGTERM', 'SIGINT']);
  assert.doesNotMatch(r.stdout, /teardown finished/);
  assert.match(r.stderr, /second SIGINT: aborting the teardown at once\. May be left on the target: accounts of run r1\. `tcim-harness clean` removes it\./);
  assert.equal(r.status, 143);
});
