/**
 * UserSig and admin checks. A signature whose HMAC verified once is cached (per sig string), so
 * the steady state costs one Map lookup plus the identity and expiry comparisons.
 */
import { ErrorCodes } from '../../errors/index.ts';
import { verifyUserSig, type VerifyFailureReason } from '../../usersig/index.ts';
import { fail, type Reply } from '../reply.ts';
import type { Runtime } from '../runtime.ts';

const REASON_CODES: Record<VerifyFailureReason, number> = {
  empty: ErrorCodes.USERSIG_EMPTY,
  garbled: ErrorCodes.USERSIG_INVALID,
  sdkappid_mismatch: ErrorCodes.USERSIG_SDKAPPID_MISMATCH,
  identifier_mismatch: ErrorCodes.USERSIG_IDENTIFIER_MISMATCH,
  expired: ErrorCodes.USERSIG_EXPIRED,
  bad_signature: ErrorCodes.USERSIG_VERIFY_FAILED,
};
const CACHE_MAX = 4096;

function verify(rt: Runtime, sig: string, identifier: string): Reply | undefined {
  const { sdkappid, secretKey } = rt.identity;
  const quirks = rt.quirks;
  const now = rt.now();
  const cached = rt.sigCache.get(sig);
  if (cached && cached.sdkappid === sdkappid && cached.identifier === identifier && (quirks.acceptExpiredUserSig || now <= cached.expiresAt)) {
    return undefined;
  }
  // quirk acceptExpiredUserSig: verify as of time 0, when nothing has expired
  const r = verifyUserSig(sig, { sdkappid, key: secretKey, identifier, now: quirks.acceptExpiredUserSig ? 0 : now });
  if (r.ok) {
    if (rt.sigCache.size >= CACHE_MAX) rt.sigCache.clear();
    rt.sigCache.set(sig, { identifier, sdkappid, expiresAt: r.expiresAt });
    return undefined;
  }
  if (r.reason === 'bad_signature' && quirks.acceptWrongKeyUserSig) return undefined;
  // detail never contains the signature or the key
  return fail(REASON_CODES[r.reason], r.detail);
}

export function checkUserSig(rt: Runtime, sig: string, identifier: string): Reply | undefined {
  const bad = verify(rt, sig, identifier);
  if (bad) return bad;
  if (identifier !== rt.identity.admin && !rt.quirks.acceptNonAdmin) {
    return fail(rt.config.nonAdminCode, 'identifier must be the App admin account');
  }
  return undefined;
}
