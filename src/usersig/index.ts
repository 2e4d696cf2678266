/**
 * UserSig (TLSSigAPIv2): generation and verification with Node's own crypto and zlib.
 * Algorithm: tencent-api.md section 4 (official tls-sig-api-v2 libraries for Node, Go, Python).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

export interface SigDoc {
  'TLS.ver': string;
  'TLS.identifier': string;
  'TLS.sdkappid': number;
  'TLS.time': number;
  'TLS.expire': number;
  'TLS.sig': string;
  'TLS.userbuf'?: string;
}

export interface GenOptions {
  sdkappid: number;
  key: string;
  identifier: string;
  /** Validity in seconds. */
  expireSeconds: number;
  /** Unix seconds; defaults to now. */
  now?: number;
}

export type VerifyFailureReason =
  | 'empty'
  | 'garbled'
  | 'sdkappid_mismatch'
  | 'identifier_mismatch'
  | 'expired'
  | 'bad_signature';

export type VerifyResult =
  | { ok: true; doc: SigDoc; expiresAt: number }
  | { ok: false; reason: VerifyFailureReason; detail: string };

export interface VerifyOptions {
  sdkappid: number;
  key: string;
  identifier: string;
  now?: number;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** base64 -> UserSig alphabet: '+' -> '*', '/' -> '-', '=' -> '_' */
export function escapeBase64(b64: string): string {
  return b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

export function unescapeBase64(sig: string): string {
  return sig.replace(/_/g, '=').replace(/-/g, '/').replace(/\*/g, '+');
}

export function hmacBase64(key: string, identifier: string, sdkappid: number, time: number, expire: number, userbuf?: string): string {
  let content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkappid}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userbuf !== undefined) content += `TLS.userbuf:${userbuf}\n`;
  return createHmac('sha256', key).update(content, 'utf8').digest('base64');
}

export function genUserSig(opts: GenOptions): string {
  const time = opts.now ?? nowSeconds();
  const doc: SigDoc = {
    'TLS.ver': '2.0',
    'TLS.identifier': opts.identifier,
    'TLS.sdkappid': opts.sdkappid,
    'TLS.time': time,
    'TLS.expire': opts.expireSeconds,
    'TLS.sig': hmacBase64(opts.key, opts.identifier, opts.sdkappid, time, opts.expireSeconds),
  };
  return escapeBase64(deflateSync(Buffer.from(JSON.stringify(doc), 'utf8')).toString('base64'));
}

const VALID_SIG_CHARS = /^[A-Za-z0-9*\-_]+$/;

/** Decodes a UserSig without checking it; undefined when it is not base64url -> zlib -> JSON of the right shape. */
export function decodeUserSig(sig: string): SigDoc | undefined {
  if (!VALID_SIG_CHARS.test(sig)) return undefined;
  try {
    const json = inflateSync(Buffer.from(unescapeBase64(sig), 'base64')).toString('utf8');
    const doc = JSON.parse(json) as Record<string, unknown>;
    if (
      typeof doc['TLS.identifier'] !== 'string' ||
      typeof doc['TLS.sdkappid'] !== 'number' ||
      typeof doc['TLS.time'] !== 'number' ||
      typeof doc['TLS.expire'] !== 'number' ||
      typeof doc['TLS.sig'] !== 'string' ||
      (doc['TLS.userbuf'] !== undefined && typeof doc['TLS.userbuf'] !== 'string')
    ) {
      return undefined;
    }
    return doc as unknown as SigDoc;
  } catch {
    return undefined;
  }
}

/** Verification order of the official Go VerifyUserSig: sdkappid, identifier, expiry, then the HMAC. */
export function verifyUserSig(sig: string, opts: VerifyOptions): VerifyResult {
  if (sig.length === 0) return { ok: false, reason: 'empty', detail: 'UserSig is empty' };
  const doc = decodeUserSig(sig);
  if (!doc) return { ok: false, reason: 'garbled', detail: 'UserSig is not base64url-encoded zlib-compressed TLS JSON' };
  if (doc['TLS.sdkappid'] !== opts.sdkappid) {
    return { ok: false, reason: 'sdkappid_mismatch', detail: `UserSig was made for another SDKAppID than ${opts.sdkappid}` };
  }
  if (doc['TLS.identifier'] !== opts.identifier) {
    return { ok: false, reason: 'identifier_mismatch', detail: 'UserSig was made for another identifier' };
  }
  const expiresAt = doc['TLS.time'] + doc['TLS.expire'];
  if ((opts.now ?? nowSeconds()) > expiresAt) {
    return { ok: false, reason: 'expired', detail: `UserSig expired at ${new Date(expiresAt * 1000).toISOString()}` };
  }
  const expected = Buffer.from(
    hmacBase64(opts.key, doc['TLS.identifier'], doc['TLS.sdkappid'], doc['TLS.time'], doc['TLS.expire'], doc['TLS.userbuf']),
    'base64',
  );
  const given = Buffer.from(doc['TLS.sig'], 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature', detail: 'UserSig HMAC does not match the secret key of this SDKAppID' };
  }
  return { ok: true, doc, expiresAt };
}
