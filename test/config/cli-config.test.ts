/** The config file through the CLI: a bad field is exit 2 naming it (no stack, no secret); doctor names the file in use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.ts';

const project = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-cli-config-'));
  for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
  return dir;
};

for (const command of ['contracts', 'run', 'load', 'report', 'selfcheck', 'doctor']) {
  test(`${command}: a bad field of tcim.config.json is exit 2 naming the field`, async () => {
    const dir = project({ 'tcim.config.json': JSON.stringify({ target: { sdkappid: -3 }, workers: 'many' }) });
    const r = await cli([command, ...(command === 'load' ? ['--profile', 'smoke'] : [])], { cwd: dir });
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /target\.sdkappid: must be >= 1/);
    assert.match(r.out, /workers: must be integer/);
    assert.doesNotMatch(r.out, /\n\s+at /, 'no stack trace');
  });
}

test('--config names the file; a secret in it is refused without echoing it', async () => {
  const secret = 'f'.repeat(64);
  const dir = project({ 'other.json': JSON.stringify({ target: { secretKeyEnv: secret } }) });
  const r = await cli(['contracts', '--config', 'other.json'], { cwd: dir });
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /other\.json is not a valid tcim-harness config/);
  assert.match(r.out, /target\.secretKeyEnv/);
  assert.ok(!r.out.includes(secret), 'the secret is not echoed');
});

test('doctor names the config file in use and the variables it set; the environment overrides it', async () => {
  const dir = project({ 'tcim.config.json': JSON.stringify({ rateBudget: 60, workers: 2 }) });
  const r = await cli(['doctor', '--json'], { cwd: dir, env: { TCIM_WORKERS: '1' } });
  const out = JSON.parse(r.out.slice(r.out.indexOf('{'))) as { checks: { name: string; detail: string }[] };
  const line = out.checks.find((c) => c.name === 'config file')?.detail ?? '';
  assert.match(line, /tcim\.config\.json; it set TCIM_RATE_BUDGET$/);
});
