/**
 * The ownership ledger: every account and IM group the run creates is appended here (one JSON line,
 * written before the create call) so the teardown project — or, after a kill, `tcim-harness clean` —
 * finds everything even after a crash. The file format is src/rundata's (shared with the load side);
 * this adds account claims (exclusive-create files, safe across worker processes and restarts) and
 * the run state the setup project leaves for the tests.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ENV, parseSdkAppId } from '../../src/client/config.ts';
import { LedgerFile } from '../../src/rundata/index.ts';
import { targetKind } from './env.ts';

export type { LedgerEntry } from '../../src/rundata/index.ts';

/** What the setup project leaves for the tests. */
export interface RunState {
  runId: string;
  /** Live IM groups, usable as G2C conversations (ToGroupId). */
  liveGroups: string[];
  /** An IM group that was created and destroyed (51007). */
  destroyedGroup: string;
  /** Accounts tc-<run>-p<i>-<n> with n below this were imported by the setup project. */
  poolSize: number;
  workers: number;
}

export class Ledger extends LedgerFile {
  private readonly claimDir: string;
  private readonly stateFile: string;

  constructor(dir: string, runId: string) {
    super(dir, runId);
    this.claimDir = join(dir, `${runId}.claims`);
    this.stateFile = join(dir, `${runId}.state.json`);
  }

  /** Before anything is created: the run line says which target the ledger belongs to (clean skips other apps'). */
  init(): void {
    mkdirSync(this.claimDir, { recursive: true });
    const target = targetKind(process.env);
    const sdkappid = target === 'staging' ? parseSdkAppId(process.env[ENV.SDKAPPID]) : undefined;
    this.record({ kind: 'run', id: this.runId, side: 'contracts', target, ...(sdkappid === undefined ? {} : { sdkappid }) });
  }

  /** True when this process now owns `name` (first claimer wins). */
  claim(name: string): boolean {
    mkdirSync(this.claimDir, { recursive: true });
    try {
      closeSync(openSync(join(this.claimDir, name), 'wx'));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  }

  /** Drops the claim files once the teardown found nothing left (the ledger and state stay as a record). */
  dropClaims(): void {
    rmSync(this.claimDir, { recursive: true, force: true });
  }

  writeState(state: RunState): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.stateFile, JSON.stringify(state, null, 2));
  }

  readState(): RunState {
    if (!existsSync(this.stateFile)) {
      throw new ConfigError(`no run state at ${this.stateFile}: the "setup" project did not run for run ${this.runId} (do not use --no-deps)`);
    }
    return JSON.parse(readFileSync(this.stateFile, 'utf8')) as RunState;
  }
}
