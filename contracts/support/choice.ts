/**
 * Checks of tcim-harness's own choices where the docs are silent (schema descriptions "Choice: ...").
 * Strict runs (emulator, --strict) assert them; on staging a differing answer is a drift warning.
 */
import { annotateOnce } from './matchers.ts';
import type { RunContext } from './fixtures.ts';

export async function choice(run: RunContext, what: string, check: () => void | Promise<void>): Promise<void> {
  if (run.settings.strict) {
    await check();
    return;
  }
  try {
    await check();
  } catch (e) {
    const first = String((e as Error)?.message ?? e).split('\n').find((l) => l.trim() !== '') ?? '';
    annotateOnce('drift', `choice "${what}" differs on this target: ${first.slice(0, 300)}`);
  }
}
