/**
 * `tcim-harness calibrate`: probes each doc-silent point on the target once — on two run-scoped accounts
 * of its own, recorded in an ownership ledger before they are made and removed after (also when a probe
 * fails) — and gives the answers as an expectations file (tcim.expect.json). `run` compares a target with
 * that file again (drift.ts).
 */
import { ImClient, RateBudget } from '../../src/client/index.ts';
import { contractsAccount, contractsImGroups, cleanUser, destroyImGroup, deleteAccounts, importAccounts, LedgerFile, LEDGER_DIR, RunData } from '../../src/rundata/index.ts';
import type { Target } from '../../src/target/index.ts';
import { newLoadRunId } from '../../load/index.ts';
import { peerName } from '../../contracts/index.ts';
import type { TcimExpectations } from '../config/index.ts';
import { runProbes, type ProbeOutcome } from './probes.ts';
import { throttleProbe } from './throttle.ts';

/** Calls per second of the probes other than the throttle burst: below every per-command ceiling. */
const PROBE_RATE = 100;

export interface CalibrateOptions {
  /** Where the ledger goes (`<reportDir>/calibrate/.ledger`). */
  reportDir: string;
  /** Send the throttle burst (over 200/s for a fraction of a second on get_contact_group). */
  throttle: boolean;
  log: (line: string) => void;
  harnessVersion?: string;
}

export interface Calibration extends ProbeOutcome {
  runId: string;
  /** Host and SDKAppID, or "embedded emulator" — never a secret or a signed URL. */
  target: string;
  at: string;
}

export function describeTarget(target: Target): string {
  if (target.kind === 'emulator') return 'embedded emulator';
  return `${new URL(target.config.baseUrl).host} (SDKAppID ${target.config.sdkappid})`;
}

export async function calibrate(target: Target, o: CalibrateOptions): Promise<Calibration> {
  const runId = newLoadRunId();
  const [owner, other] = [contractsAccount(runId, 0, 0), contractsAccount(runId, 0, 1)] as [string, string];
  const ledger = new LedgerFile(`${o.reportDir}/calibrate/${LEDGER_DIR}`, runId);
  const imGroup = contractsImGroups(runId)[2] as string;
  ledger.record({ kind: 'run', id: runId, side: 'contracts', target: target.kind, sdkappid: target.config.sdkappid }, { kind: 'account', id: owner }, { kind: 'account', id: other }, { kind: 'im-group', id: imGroup });
  const client = new ImClient(target.config, { budget: new RateBudget(PROBE_RATE), strict: false });
  const rd = new RunData(client, { tolerateGone: true });
  const secretKey = target.config.auth.kind === 'secret-key' ? target.config.auth.secretKey : undefined;
  o.log(`calibrating ${describeTarget(target)} (run ${runId}; accounts ${owner}, ${other})`);
  let outcome: ProbeOutcome;
  try {
    await importAccounts(rd, [owner, other]);
    outcome = await runProbes({ client, owner, other, peer: (k) => peerName(runId, k), imGroup, sdkappid: target.config.sdkappid, secretKey }, o.log);
    if (o.throttle) await throttleProbe(new ImClient(target.config, { strict: false }), owner, outcome, o.log);
    else outcome.notProbed.push('throttleCode, limiter: skipped (--no-throttle)');
  } finally {
    o.log('  removing the probe data');
    await cleanUser(rd, owner);
    await destroyImGroup(rd, imGroup, true);
    const gone = await deleteAccounts(rd, [owner, other]);
    if (gone.failedBatches.length === 0 && gone.refused.length === 0) ledger.markDone();
    else o.log(`  NOT removed: ${[...gone.failedBatches, ...gone.refused].join('; ')} — \`tcim-harness clean --run-id ${runId}\` removes it later`);
  }
  return { ...outcome, runId, target: describeTarget(target), at: new Date().toISOString() };
}

/** The expectations file of a calibration: the answers, and when and where they were seen. */
export function toExpectations(c: Calibration, harness?: string): TcimExpectations {
  return {
    $schema: './node_modules/tcim-harness/schemas/expect.schema.json',
    ...c.observed,
    calibration: { at: c.at, target: c.target, ...(harness ? { harness } : {}), ...(c.notProbed.length ? { notProbed: c.notProbed } : {}) },
  };
}
