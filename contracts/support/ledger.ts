/**
 * The ownership ledger: every account and IM group the run creates is appended here (one JSON line,
 * written before the create call) so the teardown project finds everything even after a crash.
 * Account claims are exclusive-create files, safe across worker processes and restarts.
 */
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/client/config.ts';

export type LedgerEntry = { kind: 'account'; id: string } | { kind: 'im-group'; id: string };

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

export class Ledger {
  readonly file: string;
  private readonly claimDir: string;
  private readonly stateFile: string;

  constructor(
    readonly dir: string,
    readonly runId: string,
  ) {
    this.file = join(dir, `${runId}.jsonl`);
    this.claimDir = join(dir, `${runId}.claims`);
    this.stateFile = join(dir, `${runId}.state.json`);
  }

  init(): void {
    mkdirSync(this.claimDir, { recursive: true });
  }

  record(...entries: LedgerEntry[]): void {
    if (entries.length === 0) return;
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(this.file, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  }

  entries(): LedgerEntry[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as LedgerEntry];
        } catch {
          return []; // a torn last line after a crash
        }
      });
  }

  ids(kind: LedgerEntry['kind']): string[] {
    return [...new Set(this.entries().filter((e) => e.kind === kind).map((e) => e.id))];
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
