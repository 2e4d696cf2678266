/** `tcim-harness usersig gen|verify`: make or check an admin UserSig with the app's secret key (TLSSigAPIv2). */
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { parseWholeNumber } from '../../../src/core/numbers.ts';
import { ConfigError, ENV, parseSdkAppId, parseAdmin } from '../../../src/client/config.ts';
import { genUserSig, verifyUserSig, decodeUserSig } from '../../../src/usersig/index.ts';

const help = `tcim-harness usersig gen|verify — make or check a UserSig (TLSSigAPIv2)

Usage:
  tcim-harness usersig gen    [--identifier NAME] [--expire SECONDS]
  tcim-harness usersig verify [--identifier NAME] [SIG]

The SDKAppID comes from ${ENV.SDKAPPID} and the secret key from ${ENV.SECRET_KEY} (never from the
command line, so it stays out of shell history). --identifier defaults to ${ENV.ADMIN}. verify reads
the signature from SIG or ${ENV.USERSIG}, prints its fields (not the HMAC) and whether it is valid.

Exit codes: 0 made / valid, 1 invalid signature, 2 configuration error.

Examples:
  TCIM_SDKAPPID=1400000001 TCIM_SECRET_KEY=... tcim-harness usersig gen --identifier administrator --expire 86400
  TCIM_USERSIG=$(tcim-harness usersig gen) tcim-harness usersig verify`;

function secretKey(env: NodeJS.ProcessEnv): string {
  const key = env[ENV.SECRET_KEY];
  if (!key) throw new ConfigError(`${ENV.SECRET_KEY} is not set: the app's secret key (Chat console > App info) signs and checks UserSigs`);
  return key;
}

export const usersigCommand: CliCommand = {
  name: 'usersig',
  summary: 'make (gen) or check (verify) an admin UserSig',
  help,
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      options: { identifier: { type: 'string' }, expire: { type: 'string', default: '86400' } },
    });
    const [action, given] = positionals;
    const env = process.env;
    const sdkappid = parseSdkAppId(env[ENV.SDKAPPID]);
    const identifier = values.identifier ?? parseAdmin(env[ENV.ADMIN]);
    const key = secretKey(env);
    if (action === 'gen') {
      const expireSeconds = parseWholeNumber('--expire', values.expire, { min: 1, unit: 'seconds' });
      process.stdout.write(`${genUserSig({ sdkappid, key, identifier, expireSeconds })}\n`);
      return Exit.PASS;
    }
    if (action === 'verify') {
      const sig = given ?? env[ENV.USERSIG];
      if (!sig) throw new ConfigError(`give the signature as an argument or in ${ENV.USERSIG}`);
      const doc = decodeUserSig(sig);
      const result = verifyUserSig(sig, { sdkappid, key, identifier });
      if (doc) {
        const expiresAt = new Date((doc['TLS.time'] + doc['TLS.expire']) * 1000).toISOString();
        console.log(`identifier ${doc['TLS.identifier']}  sdkappid ${doc['TLS.sdkappid']}  issued ${new Date(doc['TLS.time'] * 1000).toISOString()}  expires ${expiresAt}`);
      }
      console.log(result.ok ? 'valid' : `invalid: ${result.reason} — ${result.detail}`);
      return result.ok ? Exit.PASS : Exit.FAIL;
    }
    throw new ConfigError(`usersig needs an action: gen or verify (got "${action ?? ''}")`);
  },
};
