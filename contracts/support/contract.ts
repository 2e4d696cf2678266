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
import { choices, CODE_CHOICES, pinnedCode, readExpectations } from '../../src/rules/index.ts';

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

/**
 * The coverage table's cells of a doc-silent case are the codes the docs name for it (the choice's default
 * and its alternatives). A target expected to answer one code (TCIM_EXPECT_*, tcim.expect.json) answers that
 * code for the case: a test of the expected code covers the case's other cells too.
 */
function withChoiceCells(covers: readonly Cover[]): Cover[] {
  let expected: ReturnType<typeof readExpectations>;
  try {
    expected = readExpectations();
  } catch {
    return [...covers]; // a bad TCIM_EXPECT_* is reported by the run's own check of the settings
  }
  const pinned = CODE_CHOICES.filter((n) => pinnedCode(n) !== undefined);
  const extra = pinned.flatMap((n) => covers.filter(([code]) => code === expected[n]).flatMap(([, command]) => [choices[n].default, ...choices[n].alternatives].map((c): Cover => [c, command])));
  const seen = new Set(covers.map(([c, m]) => `${c} ${m}`));
  return [...covers, ...extra.filter(([c, m]) => !seen.has(`${c} ${m}`) && seen.add(`${c} ${m}`))];
}

export function spec(meta: ContractMeta): TestDetails {
  const covers = withChoiceCells(meta.covers);
  const annotation = [
    ...docsOf(meta.covers).map((d) => ({ type: 'doc', description: d })),
    ...covers.map(([code, command]) => ({ type: 'covers', description: `${code} ${command}` })),
    ...(meta.emulatorOnly ? [{ type: GATE.emulatorOnly, description: meta.emulatorOnly }] : []),
    ...(meta.needsKey ? [{ type: GATE.needsKey, description: 'signs its own UserSigs' }] : []),
    ...(meta.skip ? [{ type: GATE.skip, description: meta.skip }] : []),
  ];
  const tag = [...new Set(meta.covers.map(([, c]) => `@${c.split('/')[1] ?? c}`)), ...(meta.emulatorOnly ? ['@emulator-only'] : []), ...(meta.tag ?? [])];
  return { tag, annotation };
}

export { CMD, FAMILY } from './commands.ts';
