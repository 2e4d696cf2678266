/** The HTTP client of the control API (src/emulator/control-client.ts) against a running emulator. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmulatorControlClient, startEmulator } from '../../src/emulator/index.ts';

test('EmulatorControlClient: config, clock, faults, stats, reset; a refusal names the endpoint and the answer', async () => {
  const emu = await startEmulator({ logger: () => undefined });
  try {
    const c = new EmulatorControlClient(emu.url);
    assert.equal((await c.health()).ok, true);
    assert.equal((await c.patchConfig({ pageSize: 7 })).pageSize, 7);
    assert.equal((await c.config()).pageSize, 7);
    const { offsetSeconds } = await c.advanceClock(120);
    assert.equal(offsetSeconds, 120);
    assert.equal((await c.addFaults({ command: '*', kind: 'latency', probability: 1, latencyMs: 1 })).length, 1);
    assert.deepEqual(await c.clearFaults(), []);
    assert.equal(typeof (await c.stats()).total, 'number');
    await c.reset({ config: true });
    assert.equal((await c.config()).clockOffsetSeconds, 0);
    await assert.rejects(c.request('POST', 'clock', { advanceSeconds: 'soon' }), /POST \/_emulator\/clock answered 400/);
    await assert.rejects(c.request('GET', 'nowhere'), /answered 404/);
  } finally {
    await emu.stop();
  }
});
