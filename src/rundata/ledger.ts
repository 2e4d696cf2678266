/**
 * The ownership ledger file of a run, `<dir>/<runId>.jsonl`: one JSON line per account or IM group,
 * appended *before* the call that creates it, so whatever a crashed or killed run made can be found
 * again (`tcim-harness clean`). The contracts (contracts/support/ledger.ts adds claims and run state)
 * and the load side write the same format; `<runId>.done` marks a run whose teardown found nothing left.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type LedgerEntry =
  | { kind: 'account'; id: string }
  | { kind: 'im-group'; id: string }
  /** The run itself, written first: which side, which target kind, which app (never a secret). */
  | { kind: 'run'; id: string; side: 'contracts' | 'load'; target: 'emulator' | 'staging'; sdkappid?: number };

/** The name of a ledger directory inside a report directory. */
export const LEDGER_DIR = '.ledger';
const LEDGER_FILE = /^([a-z0-9]{1,12})\.jsonl$/;

export class LedgerFile {
  readonly file: string;
  private readonly doneFile: string;

  constructor(
    readonly dir: string,
    readonly runId: string,
  ) {
    this.file = join(dir, `${runId}.jsonl`);
    this.doneFile = join(dir, `${runId}.done`);
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

  ids(kind: 'account' | 'im-group'): string[] {
    return [...new Set(this.entries().filter((e) => e.kind === kind).map((e) => e.id))];
  }

  /** The run line (the first one written), if any. */
  runEntry(): Extract<LedgerEntry, { kind: 'run' }> | undefined {
    return this.entries().find((e): e is Extract<LedgerEntry, { kind: 'run' }> => e.kind === 'run');
  }

  /** The teardown found nothing left: `clean` then only removes the files. */
  markDone(): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.doneFile, new Date().toISOString() + '\n');
  }

  isDone(): boolean {
    return existsSync(this.doneFile);
  }

  /** Removes every file of this run in the ledger directory (`<runId>.*`: ledger, state, claims, done). */
  remove(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) if (name.startsWith(`${this.runId}.`)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}

/** Bounds the walk for ledger directories: reports/<side>/.ledger is two levels down. */
const MAX_DEPTH = 4;

/** Every run ledger under `root` (in `.ledger` directories, at most MAX_DEPTH levels down). */
export function findLedgers(root: string): LedgerFile[] {
  const out: LedgerFile[] = [];
  const walk = (dir: string, depth: number): void => {
    let names: import('node:fs').Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of names) {
      if (!e.isDirectory() || e.name === 'node_modules') continue;
      const sub = join(dir, e.name);
      if (e.name === LEDGER_DIR) {
        for (const f of readdirSync(sub)) {
          const m = LEDGER_FILE.exec(f);
          if (m) out.push(new LedgerFile(sub, m[1] as string));
        }
      } else if (depth < MAX_DEPTH) walk(sub, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}
