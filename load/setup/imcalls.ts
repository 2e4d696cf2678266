/**
 * The load side's policy for run data (src/rundata does the work, shared with the contract suites):
 * answers are judged by their envelope, a failure is a LoadSetupError (exit 2, the run is not judged),
 * and nothing counts as "already gone" — the run made everything itself, so a missing object is wrong.
 */
import type { ImClient } from '../../src/client/index.ts';
import { RunData, RunDataError } from '../../src/rundata/index.ts';

export class LoadSetupError extends RunDataError {
  override name = 'LoadSetupError';
}

/** Set-up and teardown calls through the load run's ImClient (validated, redacted, retried on throttling, paced). */
export const loadRunData = (client: ImClient): RunData => new RunData(client, { error: LoadSetupError, tolerateGone: false });
