/** The corruption kit of the hand-written mutants (src/emulator/variants/corrupt.ts): guard, per-command paths, copies. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corrupting, inConversations, numberAsString, plusOne, replaceAnswer } from '../../src/emulator/variants/corrupt.ts';
import { ErrorCodes } from '../../src/errors/index.ts';

const GET = 'recentcontact/get_contact_group';
const SEARCH = 'recentcontact/search_contact_group';
const ok = <T extends object>(body: T) => ({ ActionStatus: 'OK', ErrorCode: ErrorCodes.OK, ErrorInfo: '', ...body });

test('corrupting: fields and hook from one id list; every item of its own command, present values only, on a copy', () => {
  const v = corrupting('disagree', ['get_contact_group:GroupItem[].GroupId'], plusOne);
  assert.deepEqual(v.fields, [{ field: 'get_contact_group:GroupItem[].GroupId', how: 'disagree' }]);
  const answer = ok({ GroupItem: [{ GroupId: 1 }, { GroupId: 2 }, { GroupName: 'no id' }] });
  assert.deepEqual(v.transformResponse(GET, {}, answer).GroupItem, [{ GroupId: 2 }, { GroupId: 3 }, { GroupName: 'no id' }]);
  assert.equal(answer.GroupItem[0]?.GroupId, 1, 'the answer is copied, not edited');
  assert.equal(v.transformResponse(SEARCH, {}, answer), answer, 'another command passes unchanged');
  const failed = { ActionStatus: 'FAIL', ErrorCode: ErrorCodes.ACCOUNT_NOT_IMPORTED, ErrorInfo: 'x', GroupItem: [{ GroupId: 1 }] };
  assert.equal(v.transformResponse(GET, {}, failed), failed, 'a failure passes unchanged');
});

test('corrupting: each command gets only the paths of its own fields; without a value function the field is dropped', () => {
  const v = corrupting('mistype', inConversations('Timestamp'), numberAsString);
  const both = ok({ ContactItem: [{ Timestamp: 5 }], ContactResultItem: [{ Timestamp: 6 }] });
  const get = v.transformResponse(GET, {}, both);
  assert.deepEqual([get.ContactItem, get.ContactResultItem], [[{ Timestamp: '5' }], [{ Timestamp: 6 }]]);
  const search = v.transformResponse(SEARCH, {}, both);
  assert.deepEqual([search.ContactItem, search.ContactResultItem], [[{ Timestamp: 5 }], [{ Timestamp: '6' }]]);
  const drop = corrupting('drop', ['get_contact_group:NextStartIndex']);
  assert.ok(!('NextStartIndex' in drop.transformResponse(GET, {}, ok({ NextStartIndex: 0, CompleteFlag: 1 }))));
});

test('corrupting: an id the inventory does not have is refused, naming it; replaceAnswer guards by command and condition', () => {
  assert.throws(() => corrupting('value', ['get_contact_group:NoSuchField']), /get_contact_group:NoSuchField/);
  const hook = replaceAnswer([GET], (r) => r.ActionStatus === 'FAIL', () => 'replaced');
  assert.equal(hook(GET, {}, { ActionStatus: 'FAIL' }), 'replaced');
  assert.deepEqual(hook(GET, {}, ok({})), ok({}));
  assert.deepEqual(hook(SEARCH, {}, { ActionStatus: 'FAIL' }), { ActionStatus: 'FAIL' });
});
