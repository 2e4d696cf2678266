/**
 * Codes only the emulator can be made to answer on demand, for each of the six commands, each on a
 * private emulator changed through its control API (and restored): the rate limit lowered and burst
 * past (throttle code, 60011 app-wide), faults answering 50004 / 50005 / 60018 / 60019, the app
 * disabled (60016). On staging these are skipped as "not triggerable on this target".
 */
import type { CallResult } from '../../src/client/index.ts';
import { ErrorCodes, lookupError } from '../../src/errors/index.ts';
import type { DeepPartial, EmulatorConfig } from '../../src/emulator/index.ts';
import { expectedLimiter } from '../../src/rules/index.ts';
import { describeKnob, loadExpectations } from '../expectations.ts';
import { commandWithoutService, validBody } from '../support/bodies.ts';
import { FAMILY, spec } from '../support/contract.ts';
import { choice, choiceWhat } from '../support/choice.ts';
import { test } from '../support/fixtures.ts';
import { expect } from '../support/matchers.ts';
import type { PrivateEmulator } from '../support/private-emulator.ts';
import { range } from '../support/util.ts';

const expectations = loadExpectations();
const LIMITER = expectedLimiter();
const THROTTLE_REASON = 'throttling is not triggered by the contract suite on staging (tcim-harness load covers the rate limit)';
const BURST = 12;
/** Calls per second while a limit is lowered: one per 5 s, so no call of a burst can pass. */
const SLOW = 0.2;

async function ready(emulator: { start(): Promise<PrivateEmulator> }, runId: string, command: string) {
  const emu = await emulator.start();
  const owner = `tc-${runId}-priv`;
  await emu.importAccounts(owner);
  return { emu, body: validBody(command, owner, runId) };
}

/** The limiter's own answer (a throttle code of the error table), not one of a call that passed it. */
const throttleAnswer = (r: CallResult<unknown>): boolean => {
  const b = r.body as { ActionStatus?: unknown; ErrorCode?: unknown } | undefined;
  return b?.ActionStatus === 'FAIL' && typeof b.ErrorCode === 'number' && lookupError(b.ErrorCode)?.category === 'throttle';
};

/**
 * One call (it may pass), then a burst of simultaneous calls with the limit at one call per 5 s and no
 * tolerance. A smooth limiter (GCRA) refuses every call of the burst; a fixed one-second window lets one call
 * pass in each second the burst spans (how a second is counted is doc-silent: a choice). Every refusal
 * carries `code`, and a call that passes is one a window allows.
 */
async function burstPast(emu: PrivateEmulator, command: string, body: unknown, code: number, what?: string): Promise<void> {
  await emu.client.call(command, body, { retry: false });
  const started = Date.now();
  const results = await Promise.all(range(BURST).map(() => emu.client.call(command, body, { retry: false })));
  const windows = Math.ceil((Date.now() - started) / 1000) + 1;
  const refused = results.filter(throttleAnswer);
  const smooth = () => expect(refused.length, 'calls of the burst refused (a smooth limiter)').toBe(BURST);
  // TCIM_EXPECT_LIMITER=gcra makes the shape a contract; unknown (the default) leaves it a choice
  if (LIMITER === 'gcra') smooth();
  else if (LIMITER === 'unknown') await choice(undefined, 'the limiter is smooth (GCRA): no call of a burst passes', smooth);
  expect(BURST - refused.length, `calls of the burst that passed (at most one per one-second window: ${windows})`).toBeLessThanOrEqual(windows);
  for (const [i, r] of refused.entries()) expect.soft(r, `refusal ${i + 1} of the burst`).toHaveImError(code, { choice: what });
}

for (const command of FAMILY) {
  const short = commandWithoutService(command);

  test(
    `${short}: a burst of ${BURST} over the rate limit (lowered to 1 call per 5 s) → ${describeKnob(expectations, 'throttle')}`,
    spec({ covers: [[expectations.throttle, command]], emulatorOnly: THROTTLE_REASON }),
    async ({ run, emulator }) => {
      const { emu, body } = await ready(emulator, run.settings.runId, command);
      const before = (await emu.control<EmulatorConfig>('GET', 'config')).throttle;
      await emu.patchConfig({ throttle: { enabled: true, perSecond: SLOW, burst: 0 } });
      await burstPast(emu, command, body, expectations.throttle, choiceWhat('throttle'));
      await emu.patchConfig({ throttle: before });
    },
  );

  test(
    `${short}: a burst of ${BURST} over the app-wide rate limit (lowered to 1 call per 5 s) → ${ErrorCodes.SDKAPPID_RATE_LIMITED}`,
    spec({ covers: [[ErrorCodes.SDKAPPID_RATE_LIMITED, command]], emulatorOnly: THROTTLE_REASON }),
    async ({ run, emulator }) => {
      const { emu, body } = await ready(emulator, run.settings.runId, command);
      const before = (await emu.control<EmulatorConfig>('GET', 'config')).throttle;
      await emu.patchConfig({ throttle: { enabled: true, appWidePerSecond: SLOW, burst: 0 } });
      await burstPast(emu, command, body, ErrorCodes.SDKAPPID_RATE_LIMITED);
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
