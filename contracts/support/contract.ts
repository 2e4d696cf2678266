/**
 * `spec(meta)`: the details of a contract test — which documented rows it checks. The static
 * annotations `covers` (`<code> <service/command>`) and `doc` feed the coverage table even when the
 * test is skipped. `emulatorOnly` / `needsKey` / `skip` make the `gate` fixture skip the test with a
 * reason ("not triggerable on this target: …"), which the coverage table shows instead of a pass.
 *
 *   test('mark: 101 items → 51006', spec({ covers: [[ErrorCodes.X, CMD.mark]] }), async ({ im }) => { … });
 */
import type { TestDetails } from '@playwright/test';
import { lookupError } from '../../src/errors/index.ts';
import { commandInfo } from '../../src/schema/index.ts';

export type Cover = readonly [code: number, command: string];

export interface ContractMeta {
  covers: readonly Cover[];
  /** Why this needs the emulator's control API (skipped elsewhere with this reason). */
  emulatorOnly?: string;
  /** Signs its own UserSigs, so it needs TCIM_SECRET_KEY. */
  needsKey?: boolean;
  /** Skip with this reason (decided at load time, e.g. from expectations). */
  skip?: string | false;
  tag?: string[];
}

export const NOT_TRIGGERABLE = 'not triggerable on this target: ';
/** Annotation types the gate fixture acts on. */
export const GATE = { emulatorOnly: 'emulator-only', needsKey: 'needs-key', skip: 'skip-reason' } as const;

function docsOf(covers: readonly Cover[]): string[] {
  const docs = new Set<string>();
  for (const [code, command] of covers) {
    const entry = lookupError(code);
    docs.add(code === 0 || !entry ? commandInfo(command).doc : entry.doc);
  }
  return [...docs];
}

export function spec(meta: ContractMeta): TestDetails {
  const annotation = [
    ...docsOf(meta.covers).map((d) => ({ type: 'doc', description: d })),
    ...meta.covers.map(([code, command]) => ({ type: 'covers', description: `${code} ${command}` })),
    ...(meta.emulatorOnly ? [{ type: GATE.emulatorOnly, description: meta.emulatorOnly }] : []),
    ...(meta.needsKey ? [{ type: GATE.needsKey, description: 'signs its own UserSigs' }] : []),
    ...(meta.skip ? [{ type: GATE.skip, description: meta.skip }] : []),
  ];
  const tag = [...new Set(meta.covers.map(([, c]) => `@${c.split('/')[1] ?? c}`)), ...(meta.emulatorOnly ? ['@emulator-only'] : []), ...(meta.tag ?? [])];
  return { tag, annotation };
}

export { CMD, FAMILY } from './commands.ts';
