/**
 * tcim.config.* → the TCIM_* settings: found in the working directory or by --config, validated with every
 * bad field named, secrets refused, the environment taking precedence, expectations and spec folders resolved.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { loadConfig, findConfigFile } from '../../app/config/index.ts';
import { takeConfigOption } from '../../app/cli/args.ts';
import { ConfigError } from '../../src/core/config-error.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { PROFILES } from '../../load/index.ts';
import { root } from './helpers.ts';

type Env = Record<string, string | undefined>;
const dirWith = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tcim-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};
const json = (v: unknown): string => JSON.stringify(v, null, 2);
const rejects = async (p: Promise<unknown>, ...patterns: RegExp[]): Promise<string> => {
  let message = '';
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ConfigError, `a ConfigError, got ${String(e)}`);
    message = (e as Error).message;
    for (const re of patterns) assert.match(message, re);
    return true;
  });
  return message;
};

describe('config file', () => {
  it('fills the unset TCIM_* variables; the environment overrides the file', async () => {
    const dir = dirWith({
      'tcim.config.json': json({ target: { baseUrl: 'https://adminapisgp.im.qcloud.com', sdkappid: 1400000001, admin: 'administrator', secretKeyEnv: 'MY_IM_KEY', timeoutMs: 5000 }, allowedSdkAppIds: [1400000001, 1400000002], rateBudget: 80, workers: 2, strict: true, load: { profiles: ['smoke', 'over'], duration: '30s', ceiling: 180 }, reportDir: 'out', specs: ['tests/tcim', 'more'] }),
    });
    const env: Env = { MY_IM_KEY: 'k-from-env', TCIM_RATE_BUDGET: '40' };
    const loaded = await loadConfig({ cwd: dir, env });
    assert.equal(loaded?.file, join(dir, 'tcim.config.json'));
    assert.equal(env.TCIM_BASE_URL, 'https://adminapisgp.im.qcloud.com');
    assert.equal(env.TCIM_SDKAPPID, '1400000001');
    assert.equal(env.TCIM_ADMIN, 'administrator');
    assert.equal(env.TCIM_SECRET_KEY, 'k-from-env', 'the named variable is copied, the file never holds it');
    assert.equal(env.TCIM_TIMEOUT_MS, '5000');
    assert.equal(env.TCIM_ALLOWED_SDKAPPIDS, '1400000001,1400000002');
    assert.equal(env.TCIM_RATE_BUDGET, '40', 'environment wins');
    assert.equal(env.TCIM_WORKERS, '2');
    assert.equal(env.TCIM_STRICT, '1');
    assert.equal(env.TCIM_LOAD_PROFILES, 'smoke,over');
    assert.equal(env.TCIM_LOAD_DURATION, '30s');
    assert.equal(env.TCIM_LOAD_CEILING, '180');
    assert.equal(env.TCIM_SPECS, [join(dir, 'tests/tcim'), join(dir, 'more')].join(delimiter), 'spec folders are relative to the config file');
    assert.ok(!loaded?.filled.includes('TCIM_RATE_BUDGET'));
  });

  it('an empty TCIM_BASE_URL in the environment keeps the embedded emulator', async () => {
    const dir = dirWith({ 'tcim.config.json': json({ target: { baseUrl: 'https://adminapisgp.im.qcloud.com', secretKeyEnv: 'NOT_SET_ANYWHERE' } }) });
    const env: Env = { TCIM_BASE_URL: '' };
    await loadConfig({ cwd: dir, env });
    assert.equal(env.TCIM_BASE_URL, '');
  });

  it('loads tcim.config.ts through tsx and tcim.config.mjs natively; none is fine', async () => {
    const ts = dirWith({ 'tcim.config.ts': "const budget: number = 90;\nexport default { rateBudget: budget, target: { admin: 'adm' } };\n" });
    const envTs: Env = {};
    await loadConfig({ cwd: ts, env: envTs });
    assert.equal(envTs.TCIM_RATE_BUDGET, '90');
    assert.equal(envTs.TCIM_ADMIN, 'adm');
    const mjs = dirWith({ 'tcim.config.mjs': 'export default { workers: 3 };\n' });
    const envMjs: Env = {};
    await loadConfig({ cwd: mjs, env: envMjs });
    assert.equal(envMjs.TCIM_WORKERS, '3');
    assert.equal(await loadConfig({ cwd: dirWith({}), env: {} }), undefined);
  });

  it('--config / TCIM_CONFIG pick another file; a missing one is a ConfigError', async () => {
    const dir = dirWith({ 'ci/staging.json': json({ rateBudget: 12 }), 'tcim.config.json': json({ rateBudget: 99 }) });
    const env: Env = {};
    await loadConfig({ cwd: dir, env, path: 'ci/staging.json' });
    assert.equal(env.TCIM_RATE_BUDGET, '12');
    assert.equal(findConfigFile(undefined, dir, { TCIM_CONFIG: 'ci/staging.json' }), join(dir, 'ci/staging.json'));
    await rejects(loadConfig({ cwd: dir, env: {}, path: 'nope.json' }), /nope\.json does not exist/, /--config/);
  });

  it('names every bad field in one error', async () => {
    const dir = dirWith({ 'tcim.config.json': json({ target: { sdkappid: 'abc', baseUrl: 'ftp://x' }, rateBudget: -1, colour: 'blue', load: { profiles: ['smoke', 'warp'], duration: '5 minutes' } }) });
    const msg = await rejects(loadConfig({ cwd: dir, env: {} }), /target\.sdkappid: must be integer/, /target\.baseUrl: must match pattern/, /rateBudget: must be > 0/, /colour: unknown field/, /load\.profiles\[1\]: must be one of/, /load\.duration/);
    assert.match(msg, /tcim\.config\.json is not a valid tcim-harness config/);
  });

  it('refuses secrets: a secret-named field, a secret-shaped value, a value where a variable name belongs', async () => {
    const key = 'a'.repeat(64);
    await rejects(loadConfig({ cwd: dirWith({ 'tcim.config.json': json({ target: { secretKey: 'hunter2' } }) }), env: {} }), /target\.secretKey: secrets never go in the config file/, /secretKeyEnv/);
    await rejects(loadConfig({ cwd: dirWith({ 'tcim.config.json': json({ target: { usersig: 'eJx' } }) }), env: {} }), /target\.usersig: secrets never go/, /usersigEnv/);
    await rejects(loadConfig({ cwd: dirWith({ 'tcim.config.json': json({ target: { secretKeyEnv: 'k3y/with+base64=' } }) }), env: {} }), /target\.secretKeyEnv: must be the NAME of an environment variable/);
    await rejects(loadConfig({ cwd: dirWith({ 'tcim.config.json': json({ target: { admin: key } }) }), env: {} }), /target\.admin: looks like a secret value/);
    const msg = await rejects(loadConfig({ cwd: dirWith({ 'tcim.config.json': json({ target: { secretKey: key } }) }), env: {} }));
    assert.ok(!msg.includes(key), 'the error does not repeat the secret');
  });

  it('a staging target whose named credential variable is unset is refused, naming the field', async () => {
    const dir = dirWith({ 'tcim.config.json': json({ target: { baseUrl: 'https://adminapisgp.im.qcloud.com', secretKeyEnv: 'MY_IM_KEY' } }) });
    await rejects(loadConfig({ cwd: dir, env: {} }), /target\.secretKeyEnv/, /MY_IM_KEY is not set/);
  });

  it('expectations, inline (error names or numbers) or from a JSON file, become TCIM_EXPECT_*', async () => {
    const inline = dirWith({ 'tcim.config.json': json({ expectations: { nonAdminCode: 'ADMIN_REQUIRED', throttleCode: ErrorCodes.API_RATE_LIMITED, throttleBurst: 5, limiter: 'fixed-window', scope: { [String(ErrorCodes.INVALID_PARAMETER)]: 'per-item' } } }) });
    const env: Env = {};
    await loadConfig({ cwd: inline, env });
    assert.equal(env.TCIM_EXPECT_NON_ADMIN_CODE, String(ErrorCodes.ADMIN_REQUIRED));
    assert.equal(env.TCIM_EXPECT_THROTTLE_CODE, String(ErrorCodes.API_RATE_LIMITED));
    assert.equal(env.TCIM_EXPECT_THROTTLE_BURST, '5');
    assert.equal(env.TCIM_EXPECT_LIMITER, 'fixed-window');
    assert.equal(env[`TCIM_EXPECT_SCOPE_${ErrorCodes.INVALID_PARAMETER}`], 'per-item');
    const file = dirWith({ 'conf/tcim.config.json': json({ expectations: 'staging.expect.json' }), 'conf/staging.expect.json': json({ searchTooManyCode: 'INVALID_PARAMETER' }) });
    const env2: Env = {};
    await loadConfig({ cwd: file, env: env2, path: 'conf/tcim.config.json' });
    assert.equal(env2.TCIM_EXPECT_SEARCH_TOO_MANY_CODE, String(ErrorCodes.INVALID_PARAMETER));
    const bad = dirWith({ 'tcim.config.json': json({ expectations: 'e.json' }), 'e.json': json({ nonAdminCod: 50003 }) });
    await rejects(loadConfig({ cwd: bad, env: {} }), /e\.json is not a valid/, /expectations\.nonAdminCod: unknown field/);
    await rejects(loadConfig({ cwd: dirWith({ 'tcim.config.json': json({ expectations: { nonAdminCode: 'NO_SUCH_ERROR' } }) }), env: {} }), /expectations\.nonAdminCode: "NO_SUCH_ERROR" is not an error name/);
  });

  it('the schema lists exactly the load profiles the harness has', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/config.schema.json'), 'utf8'));
    assert.deepEqual([...schema.properties.load.properties.profiles.items.enum].sort(), Object.keys(PROFILES).sort());
  });
});

describe('the global --config option', () => {
  it('is taken out of the arguments in both spellings; arguments after -- are left alone', () => {
    assert.deepEqual(takeConfigOption(['--grep', 'x', '--config', 'a.json']), { configPath: 'a.json', rest: ['--grep', 'x'] });
    assert.deepEqual(takeConfigOption(['--config=b.ts', '--json']), { configPath: 'b.ts', rest: ['--json'] });
    assert.deepEqual(takeConfigOption(['--', '--config', 'c']), { configPath: undefined, rest: ['--', '--config', 'c'] });
    assert.throws(() => takeConfigOption(['--config']), ConfigError);
    assert.throws(() => takeConfigOption(['--config', '--json']), ConfigError);
    assert.throws(() => takeConfigOption(['--config=a', '--config=b']), /twice/);
  });
});
