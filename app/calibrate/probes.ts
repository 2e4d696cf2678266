/**
 * The probes of `tcim-harness calibrate`: each asks the target one doc-silent question on data of its own
 * (run-scoped accounts, see session.ts) and records the answer under its field of the expectations file.
 * A probe that cannot ask (no secret key to sign a non-admin UserSig, an answer that reads as no form at
 * all) says why in `notProbed`; it never guesses.
 */
import { CMD, type CallResult, type ImClient } from '../../src/client/index.ts';
import { genUserSig } from '../../src/usersig/index.ts';
import { ErrorCodes } from '../../src/errors/index.ts';
import { createImGroup, destroyImGroup, RunData } from '../../src/rundata/index.ts';
import { rules } from '../../src/rules/index.ts';
import { c2c, formOf, MARK_PROBE_BIT } from '../../contracts/index.ts';
import type { TcimExpectations } from '../config/index.ts';
import { failureOf, hasField, type Body } from './observe.ts';

export interface ProbeContext {
  client: ImClient;
  /** Two fresh accounts of the run: the owner of everything probed, and a non-admin caller. */
  owner: string;
  other: string;
  /** Run-scoped peer names for C2C conversations (never imported: conversations need no account). */
  peer(k: number | string): string;
  /** The run-scoped id of the IM group made and destroyed by the place probe (in the ledger before it is made). */
  imGroup: string;
  sdkappid: number;
  secretKey: string | undefined;
}

export type Observed = Omit<TcimExpectations, 'calibration' | '$schema'>;

export interface ProbeOutcome {
  observed: Observed;
  notProbed: string[];
}

/** Conversations for the page-size probe: one more than the most a page of the default size holds. */
const PAGE_PROBE = 150;

function recordFailure(out: ProbeOutcome, field: 'duplicateGroupNameCode' | 'customMarkTooLongCode' | 'searchTooManyCode', res: CallResult<unknown>, what: string): void {
  const f = failureOf(res);
  if (!f) {
    out.notProbed.push(`${field}: the target accepted ${what}`);
    return;
  }
  out.observed[field] = f.code;
  (out.observed.scope ??= {})[String(f.code)] = f.scope;
  if (f.text !== undefined) out.observed.errorText ??= f.text.trim() === '' ? 'empty' : 'message';
}

/** Groups, duplicate names, empty fields, error text and display. */
async function groupsProbe(p: ProbeContext, out: ProbeOutcome): Promise<void> {
  const name = 'cal-first';
  const created = await p.client.call(CMD.create, { From_Account: p.owner, GroupContactItem: [{ GroupName: name, ContactItem: [c2c(p.peer('g'))] }] });
  const id = (created.body as Body)?.GroupResultItem?.[0]?.GroupItem?.GroupId;
  if (typeof id === 'number') out.observed.firstGroupId = id;
  else out.notProbed.push(`firstGroupId: create_contact_group answered ${created.text.slice(0, 120)}`);
  const again = await p.client.call(CMD.create, { From_Account: p.owner, GroupContactItem: [{ GroupName: name, ContactItem: [c2c(p.peer('g2'))] }] });
  recordFailure(out, 'duplicateGroupNameCode', again, 'a second group of the same name');
  const got = await p.client.call(CMD.get, { From_Account: p.owner, StartIndex: 0 });
  const item = ((got.body as Body)?.ContactItem ?? []).find((i: Body) => i?.To_Account === p.peer('g'));
  if (item) out.observed.emptyFields = 'StandardMark' in item || 'CustomMark' in item ? 'present' : 'omit';
  else out.notProbed.push('emptyFields: the grouped conversation is not listed by get_contact_group');
  out.observed.errorDisplay = hasField(got, 'ErrorDisplay') ? 'always' : hasField(created, 'ErrorDisplay') ? 'samples' : 'never';
}

/** StandardMark form and the over-long CustomMark. */
async function marksProbe(p: ProbeContext, out: ProbeOutcome): Promise<void> {
  const peer = p.peer('m');
  const set = await p.client.call(CMD.mark, { From_Account: p.owner, MarkItem: [{ OptType: 1, ContactItem: c2c(peer), SetMark: [MARK_PROBE_BIT] }] });
  if (failureOf(set)) out.notProbed.push(`markBitOrder, markPadding: setting bit ${MARK_PROBE_BIT} was refused (${failureOf(set)?.code})`);
  else {
    const got = await p.client.call(CMD.get, { From_Account: p.owner, StartIndex: 0 });
    const mark = ((got.body as Body)?.ContactItem ?? []).find((i: Body) => i?.To_Account === peer)?.StandardMark;
    const form = formOf(mark, MARK_PROBE_BIT);
    if (form && form.padding !== 'other') {
      out.observed.markBitOrder = form.order;
      out.observed.markPadding = form.padding;
    } else out.notProbed.push(`markBitOrder, markPadding: after setting only bit ${MARK_PROBE_BIT} StandardMark reads ${JSON.stringify(mark)}, no documented form`);
  }
  const long = 'x'.repeat(rules.maxCustomMarkBytes.over);
  const res = await p.client.call(CMD.mark, { From_Account: p.owner, MarkItem: [{ OptType: 2, ContactItem: c2c(p.peer('cm')), CustomMark: long }] }, { validateRequest: false });
  recordFailure(out, 'customMarkTooLongCode', res, `a CustomMark of ${rules.maxCustomMarkBytes.over} bytes`);
}

async function searchProbe(p: ProbeContext, out: ProbeOutcome): Promise<void> {
  const items = Array.from({ length: rules.maxSearchItems.over }, (_, k) => c2c(p.peer(`s${k}`)));
  const res = await p.client.call(CMD.search, { From_Account: p.owner, ContactItem: items }, { validateRequest: false });
  recordFailure(out, 'searchTooManyCode', res, `a search of ${rules.maxSearchItems.over} conversations`);
}

/** Marks PAGE_PROBE conversations with a custom mark and reads the first page. */
async function pageProbe(p: ProbeContext, out: ProbeOutcome): Promise<void> {
  const peers = Array.from({ length: PAGE_PROBE }, (_, k) => c2c(p.peer(`p${k}`)));
  for (let i = 0; i < peers.length; i += rules.maxMarkItems.limit) {
    const MarkItem = peers.slice(i, i + rules.maxMarkItems.limit).map((ContactItem) => ({ OptType: 2, ContactItem, CustomMark: 'p' }));
    const res = await p.client.call(CMD.mark, { From_Account: p.owner, MarkItem });
    if (failureOf(res)) return void out.notProbed.push(`pageSize: marking conversations was refused (${failureOf(res)?.code})`);
  }
  const first = (await p.client.call(CMD.get, { From_Account: p.owner, StartIndex: 0 })).body as Body;
  const listed = Array.isArray(first?.ContactItem) ? first.ContactItem.length : 0;
  if (first?.CompleteFlag === 0 && listed > 0) out.observed.pageSize = listed;
  else out.notProbed.push(`pageSize: all ${listed} conversations came on one page (the page holds at least that many)`);
}

/** Records where `res` answers its failure (top level or per item), when it fails with `code`. */
function recordScope(out: ProbeOutcome, res: CallResult<unknown>, code: number, what: string): void {
  const f = failureOf(res);
  if (f?.code === code) (out.observed.scope ??= {})[String(code)] = f.scope;
  else out.notProbed.push(`scope.${code}: ${what} answered ${f ? f.code : 'OK'}`);
}

/** Where a destroyed IM group's code and the cap of conversations with marks are answered. */
async function placeProbe(p: ProbeContext, out: ProbeOutcome): Promise<void> {
  const rd = new RunData(p.client, { tolerateGone: true });
  const groupId = await createImGroup(rd, p.imGroup, p.imGroup);
  await destroyImGroup(rd, groupId);
  const gone = await p.client.call(CMD.mark, { From_Account: p.owner, MarkItem: [{ OptType: 2, ContactItem: { Type: 2, ToGroupId: groupId }, CustomMark: 'x' }] });
  recordScope(out, gone, ErrorCodes.GROUP_ID_CONVERSION_FAILED, 'a mark on a destroyed IM group');
  // the page probe marked PAGE_PROBE conversations; fill the cap, then one more
  const cap = rules.maxConversationsWithData.limit;
  const peers = Array.from({ length: cap - PAGE_PROBE + 1 }, (_, k) => c2c(p.peer(`c${k}`)));
  let last: CallResult<unknown> | undefined;
  for (let i = 0; i < peers.length; i += rules.maxMarkItems.limit) {
    last = await p.client.call(CMD.mark, { From_Account: p.owner, MarkItem: peers.slice(i, i + rules.maxMarkItems.limit).map((ContactItem) => ({ OptType: 2, ContactItem, CustomMark: 'c' })) });
  }
  if (last) recordScope(out, last, rules.maxConversationsWithData.code, `the ${rules.maxConversationsWithData.over}th conversation with a mark`);
}

async function nonAdminProbe(p: ProbeContext, out: ProbeOutcome): Promise<void> {
  if (!p.secretKey) return void out.notProbed.push('nonAdminCode: needs TCIM_SECRET_KEY to sign a UserSig of a non-admin account (only a pre-made admin UserSig was given)');
  const usersig = genUserSig({ sdkappid: p.sdkappid, key: p.secretKey, identifier: p.other, expireSeconds: 600 });
  const res = await p.client.call(CMD.get, { From_Account: p.owner, StartIndex: 0 }, { query: { identifier: p.other, usersig }, retry: false });
  const f = failureOf(res);
  if (f) out.observed.nonAdminCode = f.code;
  else out.notProbed.push('nonAdminCode: the target answered a non-admin identifier with OK');
}

/** Every probe but the throttle one (throttle.ts), in an order where none disturbs the next. */
export async function runProbes(p: ProbeContext, log: (line: string) => void): Promise<ProbeOutcome> {
  const out: ProbeOutcome = { observed: {}, notProbed: [] };
  for (const [what, probe] of [
    ['groups: first id, duplicate name, empty fields, error text and display', groupsProbe],
    ['marks: StandardMark form, over-long CustomMark', marksProbe],
    [`search of ${rules.maxSearchItems.over} conversations`, searchProbe],
    [`page size (${PAGE_PROBE} conversations)`, pageProbe],
    [`where codes are answered (a destroyed IM group, the ${rules.maxConversationsWithData.over}th conversation with a mark)`, placeProbe],
    ['non-admin identifier', nonAdminProbe],
  ] as const) {
    log(`  probing ${what}`);
    await probe(p, out);
  }
  return out;
}
