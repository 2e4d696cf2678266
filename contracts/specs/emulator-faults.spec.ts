/**
 * Codes only the emulator can be made to answer on demand, for each of the six commands, each on a
 * private emulator changed through its control API (and restored): the rate limit lowered and burst
 * past (throttle code, 60011 app-wide), faults answering 50004 / 50005 / 60018 / 60019, the app
 * disabled (60016). On staging these are skipped as "not triggerable on this target".
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import type { DeepPartial, EmulatorConfig } from '../../src/emulator/index.ts';
import { describeKnob, loadExpectations } from '../expectations.ts';
import { shortName, validBody } from '../support/bodies.ts';
import { FAMILY, spec } from '../support/contract.ts';
import { test } from '../support/fixtures.ts';
import { expect } from '../support/matchers.ts';
import type { PrivateEmulator } from '../support/private-emulator.ts';
import { range } from '../support/util.ts';

const expectations = loadExpectations();
const THROTTLE_REASON = 'throttling is not triggered by the contract suite on staging (tcim-harness load covers the rate limit)';
const BURST = 12;

async function ready(emulator: { start(): Promise<PrivateEmulator> }, runId: string, command: string) {
  const emu = await emulator.start();
  const owner = `tc-${runId}-priv`;
  await emu.importAccounts(owner);
  return { emu, body: validBody(command, owner, runId) };
}

/** The code the command answers without interference, then the first different answer of a simultaneous burst. */
async function burstPast(emu: PrivateEmulator, command: string, body: unknown) {
  const baseline = (await emu.client.call(command, body, { retry: false })).body?.ErrorCode as number;
  const results = await Promise.all(range(BURST).map(() => emu.client.call(command, body, { retry: false })));
  return results.find((r) => (r.body as { ErrorCode: number }).ErrorCode !== baseline);
}

for (const command of FAMILY) {
  const short = shortName(command);

  test(
    `${short}: over the rate limit (lowered to 5/s, burst of ${BURST}) → ${describeKnob(expectations, 'throttle')}`,
    spec({ covers: [[expectations.throttle, command]], emulatorOnly: THROTTLE_REASON }),
    async ({ run, emulator }) => {
      const { emu, body } = await ready(emulator, run.settings.runId, command);
      const before = (await emu.control<EmulatorConfig>('GET', 'config')).throttle;
      await emu.patchConfig({ throttle: { enabled: true, perSecond: 5, burst: 0 } });
      const throttled = await burstPast(emu, command, body);
      expect(throttled, `one of ${BURST} simultaneous calls is throttled`).toBeDefined();
      if (throttled) expect(throttled).toHaveImError(expectations.throttle);
      await emu.patchConfig({ throttle: before });
    },
  );

  test(
    `${short}: over the app-wide rate limit (lowered to 5/s) → ${ErrorCodes.SDKAPPID_RATE_LIMITED}`,
    spec({ covers: [[ErrorCodes.SDKAPPID_RATE_LIMITED, command]], emulatorOnly: THROTTLE_REASON }),
    async ({ run, emulator }) => {
      const { emu, body } = await ready(emulator, run.settings.runId, command);
      const before = (await emu.control<EmulatorConfig>('GET', 'config')).throttle;
      await emu.patchConfig({ throttle: { enabled: true, appWidePerSecond: 5, burst: 0 } });
      const limited = await burstPast(emu, command, body);
      expect(limited, `one of ${BURST} simultaneous calls is limited`).toBeDefined();
      if (limited) expect(limited).toHaveImError(ErrorCodes.SDKAPPID_RATE_LIMITED);
      await emu.patchConfig({ throttle: before });
    },
  );

  const faults: [number, string][] = [
    [ErrorCodes.INTERNAL_ERROR, 'a server-side internal error'],
    [ErrorCodes.NETWORK_TIMEOUT, 'a server-side network timeout'],
    [ErrorCodes.TOO_MANY_REQUESTS, 'the service answering "too many requests"'],
    [ErrorCodes.TOO_MANY_REQUESTS_RETRY, 'the service answering "too many requests, retry"'],
  ];
  for (const [code, what] of faults) {
    test(`${short}: ${what} → ${code}`, spec({ covers: [[code, command]], emulatorOnly: 'needs fault injection (emulator control API)' }), async ({ run, emulator }) => {
      const { emu, body } = await ready(emulator, run.settings.runId, command);
      await emu.addFault({ command, kind: 'error', probability: 1, code });
      expect(await emu.client.call(command, body, { retry: false })).toHaveImError(code);
      await emu.control('DELETE', 'faults');
      const after = await emu.client.call(command, body, { retry: false });
      expect((after.body as { ErrorCode: number }).ErrorCode, 'the fault is gone once cleared').not.toBe(code);
    });
  }

  test(`${short}: a disabled app → ${ErrorCodes.SDKAPPID_DISABLED}`, spec({ covers: [[ErrorCodes.SDKAPPID_DISABLED, command]], emulatorOnly: 'needs a disabled app (emulator control API)' }), async ({ run, emulator }) => {
    const { emu, body } = await ready(emulator, run.settings.runId, command);
    const patch: DeepPartial<EmulatorConfig> = { disabled: true };
    await emu.patchConfig(patch);
    expect(await emu.client.call(command, body, { retry: false })).toHaveImError(ErrorCodes.SDKAPPID_DISABLED);
    await emu.patchConfig({ disabled: false });
    expect((await emu.client.call(command, body, { retry: false })).body?.ErrorCode, 'enabled again').not.toBe(ErrorCodes.SDKAPPID_DISABLED);
  });
}
