/**
 * Mutation self-check of the contract suites: against deliberately broken emulators the run must exit 1
 * and name the test that owns the broken contract, in results.json and in junit.xml.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCodes } from '../../src/errors/index.ts';
import { decodeUserSig } from '../../src/usersig/index.ts';
import { VARIANTS_MODULE, explain, junitFailures, removeReports, reportText, runContracts } from './helpers.ts';

interface Mutant {
  variant: string;
  module?: string;
  /** A test that must be among the failures. */
  killedBy: RegExp;
}

const MUTANTS: Mutant[] = [
  { variant: 'group-limit-21', killedBy: new RegExp(`create: 20 groups are accepted, the 21st is refused → ${ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED}`) },
  { variant: 'group-limit-code-as-name-code', killedBy: new RegExp(`create: 20 groups are accepted, the 21st is refused → ${ErrorCodes.CONTACT_GROUP_LIMIT_EXCEEDED}`) },
  { variant: 'del-group-item-missing', module: VARIANTS_MODULE, killedBy: /del: deletes a group; its id leaves every conversation/ },
  { variant: 'next-start-index-dropped-mid-paging', module: VARIANTS_MODULE, killedBy: /get: pages through 150 conversations/ },
];

describe('mutants are killed by the test that owns the contract', { concurrency: 2 }, () => {
  for (const m of MUTANTS) {
    test(`${m.variant} → exit 1, failing: ${m.killedBy.source}`, { timeout: 400_000 }, async () => {
      // Only the owning test (with the setup and teardown it needs): the self-check runs whole suites against mutants.
      const run = await runContracts(['--grep', m.killedBy.source], { TCIM_EMULATOR_VARIANT: m.variant, TCIM_EMULATOR_VARIANT_MODULE: m.module });
      assert.equal(run.code, 1, explain(run));
      assert.ok(run.verdict.failed.some((t) => m.killedBy.test(t)), `results.json names the test; failed: ${run.verdict.failed.join(' | ')}`);
      assert.ok(junitFailures(run.reportDir).some((t) => m.killedBy.test(t)), 'junit.xml names the test');
      assert.equal(run.verdict.counts.inconclusive, 0, 'a broken contract is a failure, not inconclusive');
      const text = reportText(run.reportDir);
      assert.match(text, /curl -sS -X POST .*usersig='"\$TCIM_USERSIG"'/, 'failures carry a runnable curl line with the usersig redacted');
      assert.deepEqual((text.match(/eJ[A-Za-z0-9*_-]{60,}/g) ?? []).filter((s) => decodeUserSig(s) !== undefined), [], 'no UserSig in the failure attachments');
      removeReports(run);
    });
  }
});
