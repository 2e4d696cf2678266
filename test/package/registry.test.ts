/**
 * The lazy command registry (app/cli/registry.ts) repeats each command's name and summary so that
 * `--help` loads no command module: the repeated text must stay what the command itself says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliCommands } from '../../app/cli/registry.ts';
import { usage } from '../../app/cli/main.ts';

test('every registered command loads, and its name and summary match the command module', async () => {
  for (const entry of cliCommands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.equal(entry.summary, command.summary, `app/cli/registry.ts summary of "${entry.name}" differs from the command's own`);
    assert.ok(command.help.length > 0);
  }
  assert.equal(new Set(cliCommands.map((c) => c.name)).size, cliCommands.length, 'no command registered twice');
});

test('--help lists every command, setup included', () => {
  const text = usage();
  for (const c of cliCommands) assert.match(text, new RegExp(`\\n  ${c.name} +${c.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(text, /\n {2}setup +/);
});
