/** `tcim-harness doctor`: checks configuration, target, signature, clock and tools; prints what to fix. */
import { configInUse } from '../../config/state.ts';
import { parseCliArgs } from '../args.ts';
import { existsSync } from 'node:fs';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { DOCTOR_HINTS } from '../doctor-hints.ts';
import { ImClient, InconclusiveError, ENV, redact } from '../../../src/client/index.ts';
import { lookupError, ErrorCodes, describeCode } from '../../../src/errors/index.ts';
import { resolveTarget, isEmbedded, type Target } from '../../../src/target/index.ts';
import { resolveVegeta, vegetaVersion, VegetaMissingError } from '../../../load/index.ts';
import { CHROMIUM } from '../../report/chromium.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** unreachable target → exit 3; anything else failing → exit 2 */
  unreachable?: boolean;
}

const help = `tcim-harness doctor — check the configuration and the target before a run

Checks: every TCIM_* variable, the production guard (TCIM_ALLOWED_SDKAPPIDS), that the target answers,
that the signature verifies (one harmless read: get_contact_group of the admin account), clock skew
against the target's Date header, the load generator (vegeta) and Chromium for the report check.
With TCIM_BASE_URL unset it checks the embedded emulator.

Options: --json   machine-readable output

Exit codes: 0 all good, 2 something to fix, 3 target unreachable.

Examples:
  tcim-harness doctor
  TCIM_BASE_URL=https://adminapisgp.im.qcloud.com TCIM_SDKAPPID=1400000001 TCIM_ADMIN=administrator \\
    TCIM_SECRET_KEY=... TCIM_ALLOWED_SDKAPPIDS=1400000001 tcim-harness doctor`;

function vegetaCheck(): Check {
  try {
    const bin = resolveVegeta();
    return { name: 'load generator', ok: true, detail: `vegeta ${vegetaVersion(bin)} at ${bin}` };
  } catch (e) {
    if (!(e instanceof VegetaMissingError)) throw e;
    return { name: 'load generator', ok: false, detail: e.message, fix: 'run `tcim-harness setup` (builds the pinned vegeta once with Go into the per-user cache), or set TCIM_VEGETA' };
  }
}

function toolChecks(): Check[] {
  return [
    vegetaCheck(),
    existsSync(CHROMIUM)
      ? { name: 'browser', ok: true, detail: `Chromium at ${CHROMIUM}` }
      : { name: 'browser', ok: false, detail: `no ${CHROMIUM} (needed only for the report browser check)`, fix: 'apt-get install chromium (in a clone: `npm run setup` as root), or set TCIM_CHROMIUM' },
  ];
}

async function targetChecks(target: Target): Promise<Check[]> {
  const checks: Check[] = [];
  const client = new ImClient(target.config, { strict: target.kind === 'emulator' });
  const started = Date.now();
  try {
    const res = await client.call('recentcontact/get_contact_group', { From_Account: target.config.admin, StartIndex: 0 }, { retry: false });
    const ended = Date.now();
    checks.push({ name: 'target answers', ok: true, detail: `${target.config.baseUrl} answered HTTP ${res.httpStatus} in ${ended - started} ms` });
    const code = (res.body as { ErrorCode?: number } | undefined)?.ErrorCode;
    if (res.body === undefined) {
      checks.push({ name: 'signature', ok: false, detail: `the target answered something that is not JSON: ${redact(res.text.slice(0, 120))}`, fix: 'check TCIM_BASE_URL: it should be the REST API domain of your region, e.g. https://adminapisgp.im.qcloud.com' });
    } else if (code === ErrorCodes.OK || code === ErrorCodes.ACCOUNT_NOT_IMPORTED) {
      checks.push({ name: 'signature', ok: true, detail: `the target accepted the ${target.config.auth.kind === 'secret-key' ? 'signature made with TCIM_SECRET_KEY' : 'TCIM_USERSIG'} for ${target.config.admin}` });
    } else {
      const entry = code === undefined ? undefined : lookupError(code);
      checks.push({ name: 'signature', ok: false, detail: `the target answered ${code === undefined ? 'no ErrorCode' : describeCode(code)}: ${entry?.meaning ?? ''}`, fix: (entry && DOCTOR_HINTS[entry.name]) ?? 'see the error table in schemas/errors.json' });
    }
    if (res.date) {
      const skew = Math.round((Date.parse(res.date) - (started + ended) / 2) / 1000);
      const ok = Math.abs(skew) <= 60;
      checks.push({ name: 'clock skew', ok, detail: `${skew >= 0 ? '+' : ''}${skew} s against the target's Date header`, ...(ok ? {} : { fix: 'fix this machine\'s clock (NTP): UserSigs carry the signing time and may be refused' }) });
    } else {
      checks.push({ name: 'clock skew', ok: true, detail: 'the target sends no Date header; not measured' });
    }
  } catch (e) {
    if (e instanceof InconclusiveError) {
      checks.push({ name: 'target answers', ok: false, unreachable: true, detail: redact(e.message), fix: `check ${ENV.BASE_URL} (host, port, https) and that the target is up` });
    } else throw e;
  }
  return checks;
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'check configuration, target, signature, clock and tools; print what to fix',
  help,
  async run(argv) {
    const { values } = parseCliArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
    const checks: Check[] = [];
    const cfg = configInUse();
    checks.push({ name: 'config file', ok: true, detail: cfg ? `${cfg.file}; it set ${cfg.filled.join(', ') || 'nothing (the environment sets every field it has)'}` : 'none (no tcim.config.ts/.mjs/.json here, no --config): settings from the environment only' });
    let target: Target | undefined;
    try {
      target = await resolveTarget();
      checks.push({ name: 'configuration', ok: true, detail: target.kind === 'emulator' ? `TCIM_BASE_URL unset: embedded emulator at ${target.config.baseUrl}` : `staging ${target.config.baseUrl}, SDKAppID ${target.config.sdkappid}, admin ${target.config.admin}` });
      if (!isEmbedded()) checks.push({ name: 'production guard', ok: true, detail: `SDKAppID ${target.config.sdkappid} is listed in ${ENV.ALLOWED_SDKAPPIDS}` });
      checks.push(...(await targetChecks(target)));
    } catch (e) {
      const err = e as Error;
      if (err.name !== 'ConfigError') throw e;
      checks.push({ name: 'configuration', ok: false, detail: redact(err.message) });
    } finally {
      await target?.stop();
    }
    checks.push(...toolChecks());
    if (values.json) console.log(JSON.stringify({ ok: checks.every((c) => c.ok), checks }, null, 2));
    else for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${c.fix ? `\n    fix: ${c.fix}` : ''}`);
    if (checks.some((c) => c.unreachable)) return Exit.INCONCLUSIVE;
    return checks.every((c) => c.ok) ? Exit.PASS : Exit.CONFIG;
  },
};
