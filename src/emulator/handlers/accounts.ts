/** im_open_login_svc/account_import, multiaccount_import (idempotent registration) and account_delete. */
import { ErrorCodes } from '../../errors/index.ts';
import { rules } from '../../rules/index.ts';
import { utf8Length } from '../../schema/index.ts';
import { itemResult, ok } from '../reply.ts';
import { checkRequest, type Handler } from './context.ts';
import type { AccountDeleteReq, AccountImportReq, MultiaccountImportReq } from './types.ts';

const INVALID_ACCOUNT = ErrorCodes.ACCOUNT_INVALID_PARAMETER;

export const accountImport: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID_ACCOUNT);
  if (invalid) return invalid;
  const req = body as AccountImportReq;
  ctx.app.importAccount((req.UserID ?? req.Identifier) as string, req.Nick, req.FaceUrl);
  return ok();
};

/** Invalid UserIDs (outside the UserID rule: empty or too long) do not fail the request: they are listed in FailAccounts. */
const ITEM_ID_PATHS = ['/Accounts/*', '/AccountList/*/UserID'];
const validId = (id: string): boolean => rules.maxUserIdBytes.violation(utf8Length(id)) === undefined;

export const multiaccountImport: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID_ACCOUNT, ITEM_ID_PATHS);
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

/** ResultInfo of the doc sample for a UserID that does not exist. */
const NOT_EXIST_INFO = 'Err_TLS_PT_Open_Login_Account_Not_Exist';

/**
 * One ResultItem per DeleteItem, in order: the account and all its data go (0); an unknown (or already
 * deleted) UserID gets ACCOUNT_NOT_FOUND; the App admin is never deleted (ACCOUNT_INVALID_PARAMETER, a choice).
 */
export const accountDelete: Handler = (body, ctx) => {
  const invalid = checkRequest(ctx, body, INVALID_ACCOUNT);
  if (invalid) return invalid;
  const req = body as AccountDeleteReq;
  const ResultItem = req.DeleteItem.map(({ UserID }) => {
    if (UserID === ctx.admin) return { ...itemResult(ctx, INVALID_ACCOUNT, 'the App admin account cannot be deleted'), UserID };
    if (ctx.app.deleteAccount(UserID)) return { ...itemResult(ctx, ErrorCodes.OK), UserID };
    return { ...itemResult(ctx, ErrorCodes.ACCOUNT_NOT_FOUND, NOT_EXIST_INFO), UserID };
  });
  return ok({ ResultItem });
};
