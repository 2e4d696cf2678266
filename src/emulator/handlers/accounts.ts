/** im_open_login_svc/account_import and multiaccount_import: idempotent account registration. */
import { ErrorCodes } from '../../errors/index.ts';
import { limits, utf8Length } from '../../schema/index.ts';
import { ok } from '../reply.ts';
import { checkSchema, type Handler } from './context.ts';
import type { AccountImportReq, MultiaccountImportReq } from './types.ts';

const INVALID_ACCOUNT = ErrorCodes.ACCOUNT_INVALID_PARAMETER;

export const accountImport: Handler = (body, ctx) => {
  const invalid = checkSchema(ctx.command, body, INVALID_ACCOUNT);
  if (invalid) return invalid;
  const req = body as AccountImportReq;
  ctx.app.importAccount((req.UserID ?? req.Identifier) as string, req.Nick, req.FaceUrl);
  return ok();
};

/** Invalid UserIDs (empty or over 32 bytes) do not fail the request: they are listed in FailAccounts. */
const ITEM_ID_PATHS = [{ path: /^\/Accounts\/\d+$/ }, { path: /^\/AccountList\/\d+\/UserID$/ }];
const validId = (id: string): boolean => id.length > 0 && utf8Length(id) <= limits.maxUserIdBytes;

export const multiaccountImport: Handler = (body, ctx) => {
  const invalid = checkSchema(ctx.command, body, INVALID_ACCOUNT, ITEM_ID_PATHS);
  if (invalid) return invalid;
  const req = body as MultiaccountImportReq;
  const entries = [...(req.Accounts ?? []).map((UserID) => ({ UserID, Nick: undefined, FaceUrl: undefined })), ...(req.AccountList ?? [])];
  const failed: string[] = [];
  for (const a of entries) {
    if (validId(a.UserID)) ctx.app.importAccount(a.UserID, a.Nick, a.FaceUrl);
    else failed.push(a.UserID);
  }
  return ok({ FailAccounts: failed });
};
