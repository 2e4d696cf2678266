/** group_open_http_svc/create_group and destroy_group: IM groups that G2C conversations refer to. */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, ok } from '../reply.ts';
import { GENERATED_GROUP_PREFIX } from '../state/app.ts';
import { checkRequest, type Handler } from './context.ts';
import type { CreateGroupReq, DestroyGroupReq } from './types.ts';

const INVALID_GROUP = ErrorCodes.GROUP_INVALID_PARAMETER;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export const createGroup: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID_GROUP);
  if (invalid) return invalid;
  const req = body as CreateGroupReq;
  if (req.Owner_Account !== undefined && !ctx.app.hasAccount(req.Owner_Account)) return fail(INVALID_GROUP, 'invalid owner id');
  let id = req.GroupId;
  if (id !== undefined) {
    if (!PRINTABLE_ASCII.test(id) || id.startsWith(GENERATED_GROUP_PREFIX)) {
      return fail(INVALID_GROUP, `invalid GroupId: printable ASCII, not starting with ${GENERATED_GROUP_PREFIX}`);
    }
    if (ctx.app.imGroups.has(id)) return fail(ErrorCodes.GROUP_ID_IN_USE, `group id ${id} is already in use`);
  } else {
    id = ctx.app.generateGroupId();
  }
  const group = { GroupId: id, Type: req.Type, Name: req.Name, ...(req.Owner_Account === undefined ? {} : { Owner_Account: req.Owner_Account }) };
  ctx.app.createImGroup(group);
  return ok(req.Type === 'Community' ? { GroupId: id, Type: 'Community', HugeGroupFlag: 0 } : { GroupId: id });
};

export const destroyGroup: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID_GROUP);
  if (invalid) return invalid;
  const req = body as DestroyGroupReq;
  if (!ctx.app.destroyImGroup(req.GroupId)) return fail(ErrorCodes.GROUP_NOT_FOUND, `group ${req.GroupId} does not exist`);
  return ok();
};
