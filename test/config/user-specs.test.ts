/**
 * A team's own specs next to the built-in suite: a spec folder outside the repository, using the fixtures
 * and matchers of contracts/test.ts (`tcim-harness/test` in a user's project), run through
 * `tcim-harness contracts` against the embedded emulator — from `specs` in the config file and from
 * --specs. Their results are in results.json and the combined report, their `covers` in the coverage
 * matrix; a failing spec makes the run exit 1. --grep keeps each run to the team's tests (~20 s).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, root } from './helpers.ts';

const TEST_MODULE = join(root, 'contracts/test.ts');

const PASSING = `import { test, expect, spec, CMD, ErrorCodes, freshOwner, groupName } from ${JSON.stringify(TEST_MODULE)};

test('team flow: onboarding creates a Work group @team', spec({ covers: [[ErrorCodes.OK, CMD.create]] }), async ({ im, accounts, run }) => {
  const ops = await freshOwner(im, accounts);
  const name = groupName(run.settings.runId, 'work');
  await expect(ops.create(name)).resolves.toBeImOk();
  const all = await ops.getAll();
  expect(all.groups.map((g) => g.GroupName)).toContain(name);
});
`;

const FAILING = `import { test, expect, spec, CMD, ErrorCodes, freshOwner } from ${JSON.stringify(TEST_MODULE)};

test('team flow: deleting a group that does not exist succeeds @teamfail', spec({ covers: [[ErrorCodes.OK, CMD.del]] }), async ({ im, accounts }) => {
  const ops = await freshOwner(im, accounts);
  const res = await im.call(CMD.del, { From_Account: ops.owner, GroupName: ['never-created'] });
  expect(res).toBeImOk();
});
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-user-specs-'));
  mkdirSync(join(dir, 'tests/tcim'), { recursive: true });
  writeFileSync(join(dir, 'tests/tcim/package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'tests/tcim/onboarding.spec.ts'), PASSING);
  return dir;
}

test('specs from the config file run with the suite: results, coverage matrix, combined report', { timeout: 240_000 }, async () => {
  const dir = project();
  writeFileSync(join(dir, 'tcim.config.json'), JSON.stringify({ specs: ['tests/tcim'], reportDir: 'out' }));
  const run = await cli(['contracts', '--grep', '@team'], { cwd: dir, timeoutMs: 200_000 });
  assert.equal(run.code, 0, run.out);
  assert.match(run.out, /\[specs:tcim\].*team flow: onboarding creates a Work group/);
  const results = readFileSync(join(dir, 'out/contracts/results.json'), 'utf8');
  assert.match(results, /team flow: onboarding creates a Work group/);
  const coverage = JSON.parse(readFileSync(join(dir, 'out/contracts/coverage.json'), 'utf8')) as { cells: { code: number; command: string; tests: string[]; status: string }[] };
  const cell = coverage.cells.find((c) => c.code === 0 && c.command === 'recentcontact/create_contact_group');
  assert.ok(cell?.tests.some((t) => t.includes('team flow: onboarding')), `coverage cell: ${JSON.stringify(cell)}`);
  assert.equal(cell?.status, 'passed');

  const report = await cli(['report'], { cwd: dir });
  assert.ok(existsSync(join(dir, 'out/index.html')), report.out);
  assert.match(readFileSync(join(dir, 'out/index.html'), 'utf8'), /team flow: onboarding creates a Work group/);
});

test('a failing team spec given with --specs makes the run exit 1, named in the summary', { timeout: 240_000 }, async () => {
  const dir = project();
  writeFileSync(join(dir, 'tests/tcim/broken.spec.ts'), FAILING);
  const run = await cli(['contracts', '--specs', 'tests/tcim', '--grep', '@teamfail'], { cwd: dir, timeoutMs: 200_000 });
  assert.equal(run.code, 1, run.out);
  assert.match(run.out, /failed: \[specs:tcim\].*deleting a group that does not exist/);
});

test('a spec folder that does not exist is a configuration error (exit 2)', async () => {
  const dir = project();
  const run = await cli(['contracts', '--specs', 'no/such/folder'], { cwd: dir });
  assert.equal(run.code, 2, run.out);
  assert.match(run.out, /spec folder .*no\/such\/folder.* does not exist/);
  assert.doesNotMatch(run.out, /\n\s+at /, 'no stack trace');
});
