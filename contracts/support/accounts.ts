/**
 * Owner accounts for tests. The setup project imports a pool per parallelIndex; a worker claims pool
 * accounts one by one (exclusive claim files, so a restarted worker never reuses an account) and
 * imports further blocks itself when the pool runs out — always writing the ledger first.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { importAccounts as importRunAccounts } from '../../src/rundata/index.ts';
import { runDataOf } from './cleanup.ts';
import type { ContractClient } from './client.ts';
import type { Ledger } from './ledger.ts';
import { accountName } from './names.ts';

export const IMPORT_BLOCK = 10;

/** Imports accounts after recording them in the ledger (so the teardown finds them even after a crash); every one must succeed. */
export async function importAccounts(im: ContractClient, ledger: Ledger, ids: string[]): Promise<void> {
  ledger.record(...ids.map((id) => ({ kind: 'account' as const, id })));
  await importRunAccounts(runDataOf(im), ids);
}

export class AccountPool {
  private next = 0;
  private importedBelow: number;

  constructor(
    private readonly ledger: Ledger,
    private readonly runId: string,
    private readonly parallelIndex: number,
    preImported: number,
  ) {
    this.importedBelow = preImported;
  }

  /** A fresh imported account owned by the calling test. */
  async take(im: ContractClient): Promise<string> {
    for (;;) {
      const n = this.next++;
      const id = accountName(this.runId, this.parallelIndex, n);
      if (!this.ledger.claim(id)) continue;
      if (n >= this.importedBelow) {
        const block = Array.from({ length: IMPORT_BLOCK }, (_, i) => accountName(this.runId, this.parallelIndex, n + i));
        await importAccounts(im, this.ledger, block);
        this.importedBelow = n + IMPORT_BLOCK;
      }
      return id;
    }
  }
}

/** Codes that mean "the harness's own credentials or app are wrong", not a contract failure. */
export const CREDENTIAL_CODES: ReadonlySet<number> = new Set([
  ErrorCodes.INVALID_SDKAPPID,
  ErrorCodes.SDKAPPID_MISSING,
  ErrorCodes.SDKAPPID_DISABLED,
  ErrorCodes.ADMIN_PERMISSION_REQUIRED,
  ErrorCodes.ADMIN_REQUIRED,
  ErrorCodes.USERSIG_EXPIRED,
  ErrorCodes.USERSIG_EMPTY,
  ErrorCodes.USERSIG_INVALID,
  ErrorCodes.USERSIG_VERIFY_FAILED,
  ErrorCodes.USERSIG_IDENTIFIER_MISMATCH,
  ErrorCodes.USERSIG_SDKAPPID_MISMATCH,
]);
