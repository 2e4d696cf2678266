/**
 * `tcim-harness/test`: what a team's own contract specs import — the very fixtures, matchers and helpers
 * the built-in suite uses, so their tests share its run: the signed client on the run's target (`im`),
 * fresh run-scoped owner accounts (`accounts`, recorded in the ownership ledger and deleted by the
 * teardown, with everything they own), the run's shared rate budget (every `im` call draws on it), the
 * run settings and expectations (`run`), and the IM matchers (`toBeImOk`, `toHaveImError`, …).
 *
 *   import { test, expect, spec, CMD, ErrorCodes, freshOwner, groupName } from 'tcim-harness/test';
 *
 *   test('our onboarding creates a "Work" group', spec({ covers: [[0, CMD.create]] }), async ({ im, accounts, run }) => {
 *     const ops = await freshOwner(im, accounts);
 *     await expect(ops.create(groupName(run.settings.runId, 'work'))).toBeImOk();
 *   });
 *
 * Run them with the built-in suite: `tcim-harness contracts --specs tests/tcim` (or `specs` in
 * tcim.config.ts). Their results are in the combined report, and the codes they declare in
 * `spec({ covers })` count in the coverage matrix. Everything here is re-exported, never re-implemented:
 * a team's spec and a built-in spec cannot drift apart.
 */
export { test, type Accounts, type EmulatorHandle, type RunContext } from './support/fixtures.ts';
export { expect } from './support/matchers.ts';
export { spec, CMD, FAMILY, NOT_TRIGGERABLE, type ContractMeta, type Cover } from './support/contract.ts';
export { choice } from './support/choice.ts';
export { Ops, freshOwner, type AllData, type GetBody, type MarkItemReq, type SearchBody } from './support/ops.ts';
export { accountName, groupName, imGroupId, nameOfBytes, peerName, textOfBytes } from './support/names.ts';
export { bitsOf, c2c, g2c, itemResults, keyOf, markOf, sortNum, type Contact, type ContactData, type GroupItem, type ItemResult } from './support/items.ts';
export { CallLog, ContractClient } from './support/client.ts';
export type { RunSettings, TargetKind } from './support/env.ts';
export type { Expectations } from './expectations.ts';
export { ErrorCodes } from '../src/errors/index.ts';
