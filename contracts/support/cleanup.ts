/**
 * The contracts' policy for run data (src/rundata does the work, shared with the load side): every
 * answer judged by the toBeImOk matcher, so a teardown call is also a contract check; what is already
 * gone counts as cleaned, since the ownership ledger also names what a crashed or refused step never
 * made; and a user is read with the suites' own pager, which asserts the paging contract on the way.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import { RunData, type UserData } from '../../src/rundata/index.ts';
import type { ContractClient } from './client.ts';
import { expect } from './matchers.ts';
import { Ops } from './ops.ts';

/** All data of an account through Ops.getAll, or undefined when the account does not exist on the target. */
async function readAll(im: ContractClient, owner: string): Promise<UserData | undefined> {
  const ops = new Ops(im, owner);
  const first = await ops.get(0);
  if ((first.body as { ErrorCode?: number } | undefined)?.ErrorCode === ErrorCodes.ACCOUNT_NOT_IMPORTED) return undefined;
  // no page-size assumption: Ops.getAll's own bound
  const all = await ops.getAll(undefined, first);
  return { groups: all.groups, contacts: all.items };
}

/** Set-up and cleanup steps through `im` under the contracts' policy. */
export function runDataOf(im: ContractClient): RunData {
  return new RunData(im, {
    judge: (res, what) => expect(res, what).toBeImOk(),
    tolerateGone: true,
    readUser: (owner) => readAll(im, owner),
  });
}
