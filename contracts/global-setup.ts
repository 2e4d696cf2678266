/**
 * Global setup: on the emulator target (TCIM_BASE_URL unset) start the embedded emulator in-process on
 * a free port (with TCIM_EMULATOR_VARIANT, if given) and hand its address and credentials to the
 * workers through the environment. The returned function is the global teardown: it saves the
 * emulator's request statistics next to the reports and stops it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV, parseAdmin, parseSdkAppId } from '../src/client/config.ts';
import { startEmulator } from '../src/emulator/index.ts';
import { resolveRunSettings } from './support/env.ts';
import { BATCH_ENV, readBatchPlan, type BatchPlan, type BatchTarget } from './support/batch.ts';
import { loadVariant, VARIANT_ENV } from '../src/emulator/variants/select.ts';

/** A batch run (support/batch.ts): one emulator per entry, each with its variant; the workers find theirs in TCIM_BATCH_TARGETS. */
async function startBatch(plan: BatchPlan, runId: string): Promise<() => Promise<void>> {
  const started: { dir: string; stop: () => Promise<void>; stats: () => unknown }[] = [];
  const targets: Record<string, BatchTarget> = {};
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(started.map(async (e) => {
      try {
        writeFileSync(join(e.dir, 'emulator-stats.json'), JSON.stringify(e.stats(), null, 2));
      } finally {
        await e.stop();
      }
    }));
  };
  try {
    for (const entry of plan.entries) {
      const env = { [VARIANT_ENV.VARIANT]: entry.variant ?? undefined, [VARIANT_ENV.VARIANT_MODULE]: plan.variantModule };
      const variant = await loadVariant(env);
      const emu = await startEmulator({ variant, logger: () => undefined });
      started.push({ dir: entry.reportDir, stop: () => emu.stop(), stats: () => emu.control.stats() });
      targets[entry.key] = { url: emu.url, sdkappid: emu.sdkappid, admin: emu.admin, secretKey: emu.secretKey };
      mkdirSync(entry.reportDir, { recursive: true });
      writeFileSync(join(entry.reportDir, 'target.json'), JSON.stringify({ kind: 'emulator', url: emu.url, variant: variant?.name ?? null, runId, batch: entry.key }, null, 2));
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  process.env[BATCH_ENV.TARGETS] = JSON.stringify(targets);
  return stopAll;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const settings = resolveRunSettings();
  mkdirSync(settings.ledgerDir, { recursive: true });
  if (settings.kind === 'staging') {
    const target = { kind: 'staging', url: process.env[ENV.BASE_URL], sdkappid: process.env[ENV.SDKAPPID], runId: settings.runId };
    writeFileSync(join(settings.reportDir, 'target.json'), JSON.stringify(target, null, 2));
    return async () => undefined;
  }

  const plan = readBatchPlan();
  if (plan) return startBatch(plan, settings.runId);

  const variant = await loadVariant();
  const sdkappid = process.env[ENV.SDKAPPID] ? parseSdkAppId(process.env[ENV.SDKAPPID]) : undefined;
  const admin = process.env[ENV.ADMIN] ? parseAdmin(process.env[ENV.ADMIN]) : undefined;
  const emu = await startEmulator({ variant, ...(sdkappid ? { sdkappid } : {}), ...(admin ? { admin } : {}) });

  // Workers are forked after global setup and inherit these.
  process.env[ENV.BASE_URL] = emu.url;
  process.env[ENV.SDKAPPID] = String(emu.sdkappid);
  process.env[ENV.ADMIN] = emu.admin;
  process.env[ENV.SECRET_KEY] = emu.secretKey;
  delete process.env[ENV.USERSIG];
  writeFileSync(join(settings.reportDir, 'target.json'), JSON.stringify({ kind: 'emulator', url: emu.url, variant: variant?.name ?? null, runId: settings.runId }, null, 2));

  return async () => {
    try {
      writeFileSync(join(settings.reportDir, 'emulator-stats.json'), JSON.stringify(emu.control.stats(), null, 2));
    } finally {
      await emu.stop();
    }
  };
}
