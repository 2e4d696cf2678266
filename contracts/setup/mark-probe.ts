/**
 * The StandardMark probe of the setup project. The docs give the mark string only by example ("011111110")
 * and never say which end is bit 0 or whether the string is padded, so the run asks the target once: set one
 * bit, whose position reads differently from either end, on a conversation of an account of its own, and
 * read the string back. The answer is recorded for the run (choice.ts `learn`); every mark test then reads
 * marks in that form and still verifies set/clear bit by bit. A form other than the default is drift.
 */
import { choices } from '../../src/rules/index.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { annotateOnce, choice, learn, MARK_FORM_KEY } from '../support/choice.ts';
import type { ContractClient } from '../support/client.ts';
import type { RunContext } from '../support/fixtures.ts';
import { c2c, DEFAULT_MARK_FORM, formOf, keyOf, MARK_PROBE_BIT, markOf, type MarkForm } from '../support/items.ts';
import { answeredOk, expect } from '../support/matchers.ts';
import { peerName } from '../support/names.ts';
import { Ops } from '../support/ops.ts';

/** The probed bit (support/items.ts MARK_PROBE_BIT). */
export const PROBE_BIT = MARK_PROBE_BIT;

/**
 * Never fails the setup: a target whose answer reads as no form at all (say, it set another bit) keeps the
 * default form, and the mark tests then fail on the bits they read — the test that owns the contract.
 */
export async function probeMarkForm(run: RunContext, im: ContractClient, owner: string): Promise<MarkForm> {
  const ops = new Ops(im, owner);
  const peer = c2c(peerName(run.settings.runId, 'probe'));
  const res = await ops.mark([{ OptType: 1, ContactItem: peer, SetMark: [PROBE_BIT] }]);
  if (!answeredOk(res)) {
    annotateOnce('observed', `StandardMark probe refused (an app without standard marks answers ${ErrorCodes.EDITION_NOT_SUPPORTED}); marks are read in the default form`);
    return DEFAULT_MARK_FORM;
  }
  const mark = (await ops.getAll()).items.find((i) => keyOf(i) === keyOf(peer))?.StandardMark;
  await ops.mark([{ OptType: 1, ContactItem: peer, ClearMark: [PROBE_BIT] }]);
  const form = formOf(mark, PROBE_BIT);
  if (!form) {
    annotateOnce('observed', `StandardMark after setting only bit ${PROBE_BIT} reads as that bit from neither end: ${JSON.stringify(mark)}; marks are read in the default form`);
    return learn(run, MARK_FORM_KEY, DEFAULT_MARK_FORM);
  }
  const recorded = learn(run, MARK_FORM_KEY, form);
  const expected: MarkForm = { order: run.expectations.form.markBitOrder as MarkForm['order'], padding: run.expectations.form.markPadding as MarkForm['padding'] };
  await choice(run, `StandardMark: ${expected.order === 'lsb-right' ? 'bit 0 is the rightmost character' : 'bit 0 is the leftmost character'}, ${expected.padding === 'trim' ? 'no leading zeros' : 'zero-padded to 64'} (${choices.markBitOrder.env}, ${choices.markPadding.env})`, () =>
    expect(mark, `the target writes ${JSON.stringify(recorded)}`).toBe(markOf([PROBE_BIT], expected)),
  );
  return recorded;
}
