/** IM groups a run creates so that G2C conversations (ToGroupId) have a group to refer to. */
import { CMD } from '../client/index.ts';
import { ErrorCodes } from '../errors/index.ts';
import type { CreateGroupResponse } from '../generated/types.ts';
import { errorCodeOf, type RunData } from './context.ts';

/**
 * Creates a Public IM group named `name` and answers its GroupId. With a chosen `groupId` already in use
 * — left over by an earlier run with the same run id, which the id carries, so it is ours — the group
 * is destroyed and created again.
 */
export async function createImGroup(rd: RunData, name: string, groupId?: string): Promise<string> {
  const body = { Type: 'Public', Name: name, ...(groupId === undefined ? {} : { GroupId: groupId }) };
  let res = await rd.call<CreateGroupResponse>(CMD.createGroup, body);
  if (groupId !== undefined && errorCodeOf(res) === ErrorCodes.GROUP_ID_IN_USE) {
    await destroyImGroup(rd, groupId, true);
    res = await rd.call<CreateGroupResponse>(CMD.createGroup, body);
  }
  rd.judge(res, `create IM group ${groupId ?? name}`);
  const id = res.body?.GroupId ?? groupId;
  if (id === undefined) rd.fail(`create_group of ${name} answered no GroupId`);
  return String(id);
}

/** Destroys an IM group; one already gone counts as destroyed when `tolerateGone` (default: the policy's). */
export async function destroyImGroup(rd: RunData, groupId: string, tolerateGone = rd.tolerateGone): Promise<void> {
  const res = await rd.call(CMD.destroyGroup, { GroupId: groupId });
  rd.settle(res, `destroy IM group ${groupId}`, ErrorCodes.GROUP_NOT_FOUND, tolerateGone);
}
