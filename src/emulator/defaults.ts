/**
 * Defaults of the embedded emulator (the README prints them).
 *
 * - host `127.0.0.1`: loopback only; the CLI refuses any host outside 127.0.0.0/8, localhost and ::1.
 * - port `0`: the OS picks a free port; `startEmulator()` reports the real one in `url` / `port`.
 * - sdkappid `1400000001`: the single app the emulator serves; any other SDKAppID answers INVALID_SDKAPPID.
 * - admin `administrator`: the app admin identifier; a valid UserSig of any other identifier answers ADMIN_PERMISSION_REQUIRED.
 * - secretKey: a published, fake key for signing UserSigs against the emulator. It protects nothing
 *   and must never be used for a real app; it is a documented default, so the CLI does not print it.
 */
export const EMULATOR_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  sdkappid: 1400000001,
  admin: 'administrator',
  secretKey: 'tcim-emulator-secret-key-not-for-production-0001',
});
