/** `tcim-harness emulator`: serve the embedded emulator on loopback until SIGINT/SIGTERM. */
import { isIP } from 'node:net';
import { parseCliArgs } from '../args.ts';
import { ConfigError, parseAdmin, parseSdkAppId } from '../../../src/client/config.ts';
import { EMULATOR_DEFAULTS } from '../../../src/emulator/defaults.ts';
import { startEmulator } from '../../../src/emulator/index.ts';
import type { EmulatorOptions } from '../../../src/emulator/types.ts';
import type { CliCommand } from '../command.ts';
import { Exit } from '../../../src/core/exit-codes.ts';
import { parseWholeNumber } from '../../../src/core/numbers.ts';

const HELP = `Usage: tcim-harness emulator [options]

Serves the embedded stateful emulator of the Tencent Cloud Chat REST API (conversation groups and
marks, account import, IM groups) plus its control API under /_emulator/, on loopback only.
Prints one line "tcim emulator listening on http://HOST:PORT sdkappid=ID admin=NAME" and serves
until SIGINT or SIGTERM.

Options:
  --port N               TCP port (default ${EMULATOR_DEFAULTS.port} = any free port)
  --host H               loopback address: 127.0.0.0/8, localhost or ::1 (default ${EMULATOR_DEFAULTS.host})
  --sdkappid ID          the SDKAppID served (default ${EMULATOR_DEFAULTS.sdkappid})
  --admin NAME           the app admin identifier (default ${EMULATOR_DEFAULTS.admin})
  --secret-key KEY       secret key UserSigs are checked with (default: the documented emulator key,
                         see src/emulator/defaults.ts; never a real app's key)
  --edition pro|standard app edition; standard answers EDITION_NOT_SUPPORTED to group commands (default pro)
  --page-size N          get_contact_group / get_list page size (default 100)

Example:
  tcim-harness emulator --port 8710
  TCIM_BASE_URL=http://127.0.0.1:8710 TCIM_SDKAPPID=${EMULATOR_DEFAULTS.sdkappid} TCIM_ADMIN=${EMULATOR_DEFAULTS.admin} TCIM_SECRET_KEY=... tcim-harness ...`;

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x.x.x) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** An option given as --name N: a whole number within [min, max]. */
const wholeNumber = (value: string, name: string, min: number, max: number): number => parseWholeNumber(`--${name}`, value, { min, max });

export function parseEmulatorArgs(argv: string[]): EmulatorOptions {
  const { values } = parseCliArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      sdkappid: { type: 'string' },
      admin: { type: 'string' },
      'secret-key': { type: 'string' },
      edition: { type: 'string' },
      'page-size': { type: 'string' },
    },
  });
  const host = values.host ?? EMULATOR_DEFAULTS.host;
  if (!isLoopbackHost(host)) {
    throw new ConfigError(`--host ${host} is not a loopback address: the emulator serves only on 127.0.0.0/8, localhost or ::1`);
  }
  const edition = values.edition;
  if (edition !== undefined && edition !== 'pro' && edition !== 'standard') throw new ConfigError(`--edition must be pro or standard, got "${edition}"`);
  const key = values['secret-key'];
  if (key !== undefined && key.length === 0) throw new ConfigError('--secret-key must not be empty');
  return {
    host,
    port: values.port === undefined ? EMULATOR_DEFAULTS.port : wholeNumber(values.port, 'port', 0, 65535),
    sdkappid: values.sdkappid === undefined ? EMULATOR_DEFAULTS.sdkappid : parseSdkAppId(values.sdkappid, '--sdkappid'),
    admin: values.admin === undefined ? EMULATOR_DEFAULTS.admin : parseAdmin(values.admin, '--admin'),
    ...(key === undefined ? {} : { secretKey: key }),
    config: {
      ...(edition === undefined ? {} : { edition }),
      ...(values['page-size'] === undefined ? {} : { pageSize: wholeNumber(values['page-size'], 'page-size', 1, 100000) }),
    },
  };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export const emulatorCommand: CliCommand = {
  name: 'emulator',
  summary: 'serve the embedded stateful emulator on loopback (control API under /_emulator/)',
  help: HELP,
  async run(argv: string[]): Promise<number> {
    const options = parseEmulatorArgs(argv);
    const stopSignal = waitForSignal();
    let emu;
    try {
      emu = await startEmulator(options);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
        throw new ConfigError(`cannot listen on ${options.host}:${options.port} (${code})`);
      }
      throw e;
    }
    console.log(`tcim emulator listening on ${emu.url} sdkappid=${emu.sdkappid} admin=${emu.admin}`);
    await stopSignal;
    await emu.stop();
    return Exit.PASS;
  },
};
