/** Runs a variant's probe: every probe starts from an emulator with PROBE_USER imported. */
import type { ProbeContext, VariantProbe } from '../types.ts';
import { importUsers } from './observe.ts';
import { PROBE_USER } from './requests.ts';

export async function runProbe(p: ProbeContext, probe: VariantProbe): Promise<unknown> {
  await importUsers(p, PROBE_USER);
  return probe.run(p);
}
