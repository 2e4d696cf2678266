import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTargetConfig, assertTargetAllowed, ConfigError } from '../../src/client/index.ts';

const good = { TCIM_BASE_URL: 'http://127.0.0.1:9', TCIM_SDKAPPID: '1400000001', TCIM_ADMIN: 'administrator', TCIM_SECRET_KEY: 'k'.repeat(16) };

const failsNaming = (env: Record<string, string | undefined>, variable: string, pattern?: RegExp) => {
  assert.throws(
    () => loadTargetConfig(env),
    (e: unknown) => e instanceof ConfigError && e.message.includes(variable) && (!pattern || pattern.test(e.message)),
  );
};

test('a complete environment gives a config; the base URL loses its trailing slash', () => {
  const c = loadTargetConfig({ ...good, TCIM_BASE_URL: 'http://127.0.0.1:9/' });
  assert.equal(c.baseUrl, 'http://127.0.0.1:9');
  assert.equal(c.sdkappid, 1400000001);
  assert.equal(c.auth.kind, 'secret-key');
});

test('each missing or malformed variable is named in the error', () => {
  failsNaming({ ...good, TCIM_BASE_URL: undefined }, 'TCIM_BASE_URL', /not set/);
  failsNaming({ ...good, TCIM_BASE_URL: 'not a url' }, 'TCIM_BASE_URL', /not a URL/);
  failsNaming({ ...good, TCIM_BASE_URL: 'ftp://127.0.0.1' }, 'TCIM_BASE_URL');
  failsNaming({ ...good, TCIM_BASE_URL: 'http://127.0.0.1/?usersig=x' }, 'TCIM_BASE_URL', /query/);
  failsNaming({ ...good, TCIM_SDKAPPID: undefined }, 'TCIM_SDKAPPID');
  failsNaming({ ...good, TCIM_SDKAPPID: 'abc' }, 'TCIM_SDKAPPID', /not an SDKAppID/);
  failsNaming({ ...good, TCIM_SDKAPPID: '99999999999' }, 'TCIM_SDKAPPID');
  failsNaming({ ...good, TCIM_ADMIN: '' }, 'TCIM_ADMIN');
  failsNaming({ ...good, TCIM_ADMIN: 'x'.repeat(33) }, 'TCIM_ADMIN', /32 bytes/);
  failsNaming({ ...good, TCIM_SECRET_KEY: undefined }, 'TCIM_USERSIG');
  failsNaming({ ...good, TCIM_USERSIG: 'sig-sig-sig' }, 'TCIM_USERSIG', /only one/);
  failsNaming({ ...good, TCIM_TIMEOUT_MS: '-5' }, 'TCIM_TIMEOUT_MS');
});

test('the production guard refuses an SDKAppID that is not explicitly allowed, and says why', () => {
  const c = loadTargetConfig(good);
  assert.throws(() => assertTargetAllowed(c, {}), /TCIM_ALLOWED_SDKAPPIDS/);
  assert.throws(() => assertTargetAllowed(c, { TCIM_ALLOWED_SDKAPPIDS: '1400000002' }), /not listed/);
  assert.doesNotThrow(() => assertTargetAllowed(c, { TCIM_ALLOWED_SDKAPPIDS: '1400000002, 1400000001' }));
  assert.throws(() => assertTargetAllowed(c, { TCIM_ALLOWED_SDKAPPIDS: 'x' }), ConfigError);
});

test('a config error never echoes the secret key', () => {
  try {
    loadTargetConfig({ ...good, TCIM_USERSIG: 'the-usersig-value' });
    assert.fail('should throw');
  } catch (e) {
    assert.ok(!(e as Error).message.includes(good.TCIM_SECRET_KEY));
    assert.ok(!(e as Error).message.includes('the-usersig-value'));
  }
});
