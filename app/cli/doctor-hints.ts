/** What to fix when the harmless doctor call answers an auth or app error. Keyed by error name, not literal. */
import type { ErrorName } from '../../src/errors/index.ts';

export const DOCTOR_HINTS: Partial<Record<ErrorName, string>> = {
  USERSIG_VERIFY_FAILED: 'the signature does not verify: TCIM_SECRET_KEY is not the secret key of this SDKAppID (Chat console > Application > Basic configuration), or TCIM_USERSIG was made with another key',
  USERSIG_EXPIRED: 'TCIM_USERSIG has expired: make a new one (tcim-harness usersig gen) or set TCIM_SECRET_KEY so the harness signs itself',
  USERSIG_INVALID: 'TCIM_USERSIG is not a UserSig (not base64url zlib JSON): copy it again or set TCIM_SECRET_KEY instead',
  USERSIG_EMPTY: 'the UserSig is empty: set TCIM_SECRET_KEY or TCIM_USERSIG',
  USERSIG_IDENTIFIER_MISMATCH: 'TCIM_USERSIG was made for another UserID than TCIM_ADMIN',
  USERSIG_SDKAPPID_MISMATCH: 'TCIM_USERSIG was made for another SDKAppID than TCIM_SDKAPPID',
  INVALID_SDKAPPID: 'TCIM_SDKAPPID is not an app of this target: check the number and the region domain in TCIM_BASE_URL',
  SDKAPPID_MISSING: 'the target did not see an SDKAppID: check TCIM_BASE_URL (no proxy rewriting the query string)',
  SDKAPPID_DISABLED: 'the app is disabled in the Chat console',
  ADMIN_PERMISSION_REQUIRED: 'TCIM_ADMIN is not an app admin account: use the admin UserID from the Chat console',
  ADMIN_REQUIRED: 'TCIM_ADMIN is not an app admin account: use the admin UserID from the Chat console',
  API_RATE_LIMITED: 'the target is throttling: another job may be using the 200 calls/s budget; try again later',
};
