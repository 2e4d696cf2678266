/** `tcim-harness selfcheck` options: selection, bounds, config errors (exit 2), --list. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../src/client/config.ts';
import { parseSelfcheckArgs, selectBenign, selectEntries, selfcheckCommand } from '../../app/cli/commands/selfcheck.ts';
import { Exit } from '../../src/core/exit-codes.ts';
import { catalogue } from '../../src/emulator/variants/catalogue.ts';
import { benignCatalogue } from '../../src/emulator/variants/index.ts';

/** Runs the command with console output captured. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await selfcheckCommand.run(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test('defaults: the whole catalogue, 2 in parallel, 180 s each', () => {
  const a = parseSelfcheckArgs([], {});
  assert.equal(a.entries, catalogue);
  assert.equal(a.parallel, 2);
  assert.equal(a.timeoutMs, 180_000);
  assert.equal(a.workers, 2);
  assert.equal(a.confirm, true);
  assert.equal(parseSelfcheckArgs(['--no-confirm'], {}).confirm, false);
  assert.equal(a.batch, true);
  assert.equal(parseSelfcheckArgs(['--no-batch'], {}).batch, false);
  assert.match(a.reportsDir, /reports$/);
  assert.equal(parseSelfcheckArgs([], { TCIM_WORKERS: '3' }).workers, 3);
});

test('--only keeps the catalogue order; unknown names are a config error', () => {
  assert.deepEqual(selectEntries('rate-limit-off, group-limit-21').map((v) => v.name), ['group-limit-21', 'rate-limit-off']);
  assert.throws(() => selectEntries('group-limit-21,nope'), (e: unknown) => e instanceof ConfigError && /unknown variant\(s\) nope/.test(e.message));
  assert.throws(() => selectEntries(' , '), ConfigError);
});

test('--only picks from both catalogues: mutants and benign variants, each in catalogue order; default all of both', () => {
  const [b0, b1] = benignCatalogue;
  assert.ok(b0 && b1, 'the benign catalogue has at least two variants');
  const a = parseSelfcheckArgs(['--only', `${b1.name},group-limit-21,${b0.name}`], {});
  assert.deepEqual(a.entries.map((v) => v.name), ['group-limit-21']);
  assert.deepEqual(a.benign.map((v) => v.name), [b0.name, b1.name]);
  assert.deepEqual(selectBenign('group-limit-21'), []);
  assert.equal(parseSelfcheckArgs([], {}).benign, benignCatalogue);
  assert.throws(() => selectBenign(`${b0.name},nope`), (e: unknown) => e instanceof ConfigError && /unknown variant\(s\) nope/.test(e.message));
});

test('bad options are config errors', () => {
  for (const argv of [['--parallel', '0'], ['--parallel', '9'], ['--timeout', 'abc'], ['--workers', '0'], ['--bogus'], ['positional']]) {
    assert.throws(() => parseSelfcheckArgs(argv, {}), ConfigError, argv.join(' '));
  }
});

test('run: a config error exits 2 without running anything; --list prints the catalogue', async () => {
  const bad = await run(['--only', 'no-such-variant']);
  assert.equal(bad.code, Exit.CONFIG);
  assert.match(bad.err, /unknown variant/);
  const list = await run(['--list']);
  assert.equal(list.code, Exit.PASS);
  assert.equal(list.out.split('\n').length, catalogue.length + benignCatalogue.length);
  assert.match(list.out, /^rate-limit-off +load-over +the 200 calls\/s/m);
  for (const b of benignCatalogue) assert.match(list.out, new RegExp(`^${b.name} +benign +`, 'm'));
});
