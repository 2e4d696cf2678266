import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { genUserSig, verifyUserSig, decodeUserSig, hmacBase64, escapeBase64 } from '../../src/usersig/index.ts';

const require = createRequire(import.meta.url);
const { Api } = require('tls-sig-api-v2') as { Api: new (sdkappid: number, key: string) => { genUserSig(id: string, expire: number): string; _hmacsha256(id: string, t: number, e: number, ub: string | null): string } };

const SDKAPPID = 1400000001;
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const official = new Api(SDKAPPID, KEY);
const opts = { sdkappid: SDKAPPID, key: KEY, identifier: 'administrator' };

test('a signature made by the official tls-sig-api-v2 verifies with ours', () => {
  const sig = official.genUserSig('administrator', 86400);
  const r = verifyUserSig(sig, opts);
  assert.equal(r.ok, true);
});

test('ours verifies with the official algorithm (same HMAC over the same fields)', () => {
  const sig = genUserSig({ ...opts, expireSeconds: 3600 });
  const doc = decodeUserSig(sig);
  assert.ok(doc);
  assert.equal(doc['TLS.ver'], '2.0');
  assert.equal(official._hmacsha256('administrator', doc['TLS.time'], 3600, null), doc['TLS.sig']);
});

test('the official inflater accepts ours: byte-identical output for the same second', () => {
  const now = Math.floor(Date.now() / 1000);
  const theirs = official.genUserSig('administrator', 600);
  const ours = genUserSig({ ...opts, expireSeconds: 600, now: decodeUserSig(theirs)!['TLS.time'] });
  assert.equal(ours, theirs);
  assert.ok(Math.abs(decodeUserSig(ours)!['TLS.time'] - now) <= 1);
});

test('any valid zlib level is accepted (the official Go library stores uncompressed)', () => {
  const time = Math.floor(Date.now() / 1000);
  const doc = { 'TLS.ver': '2.0', 'TLS.identifier': 'administrator', 'TLS.sdkappid': SDKAPPID, 'TLS.expire': 60, 'TLS.time': time, 'TLS.sig': hmacBase64(KEY, 'administrator', SDKAPPID, time, 60) };
  const stored = escapeBase64(deflateSync(Buffer.from(JSON.stringify(doc)), { level: 0 }).toString('base64'));
  assert.equal(verifyUserSig(stored, opts).ok, true);
});

test('expired, wrong key, wrong identifier, wrong sdkappid, garbled and empty are told apart', () => {
  const now = Math.floor(Date.now() / 1000);
  const reason = (sig: string, o = opts) => {
    const r = verifyUserSig(sig, o);
    return r.ok ? 'ok' : r.reason;
  };
  assert.equal(reason(genUserSig({ ...opts, expireSeconds: 10, now: now - 3600 })), 'expired');
  assert.equal(reason(genUserSig({ ...opts, key: 'another-key', expireSeconds: 60 })), 'bad_signature');
  assert.equal(reason(new Api(SDKAPPID, 'another-key').genUserSig('administrator', 60)), 'bad_signature');
  assert.equal(reason(genUserSig({ ...opts, identifier: 'alice', expireSeconds: 60 })), 'identifier_mismatch');
  assert.equal(reason(new Api(1400000002, KEY).genUserSig('administrator', 60)), 'sdkappid_mismatch');
  assert.equal(reason('eJyrVkrOz0vOTFGyUgpJzi8pSEktSs7PKy1OTVEqLU4tUgIA*garbled'), 'garbled');
  assert.equal(reason('not base64 at all!'), 'garbled');
  assert.equal(reason(''), 'empty');
});

test('expiry boundary: valid at time + expire, expired one second later', () => {
  const sig = genUserSig({ ...opts, expireSeconds: 100, now: 1_000_000 });
  assert.equal(verifyUserSig(sig, { ...opts, now: 1_000_100 }).ok, true);
  const r = verifyUserSig(sig, { ...opts, now: 1_000_101 });
  assert.equal(r.ok ? 'ok' : r.reason, 'expired');
});

test('a tampered signature field fails even when the JSON is well formed', () => {
  const doc = decodeUserSig(genUserSig({ ...opts, expireSeconds: 60 }))!;
  const forged = escapeBase64(deflateSync(Buffer.from(JSON.stringify({ ...doc, 'TLS.expire': 999999 }))).toString('base64'));
  const r = verifyUserSig(forged, opts);
  assert.equal(r.ok ? 'ok' : r.reason, 'bad_signature');
});
