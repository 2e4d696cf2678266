/** The command table: one handler per served command (`service/command` -> handler). */
import { validateRequest } from '../../schema/index.ts';
import { accountDelete, accountImport, multiaccountImport } from './accounts.ts';
import type { Handler } from './context.ts';
import { createContactGroup } from './create-contact-group.ts';
import { delContactGroup } from './del-contact-group.ts';
import { getContactGroup } from './get-contact-group.ts';
import { createGroup, destroyGroup } from './im-groups.ts';
import { markContact } from './mark-contact.ts';
import { deleteSession, getList } from './recent-contacts.ts';
import { searchContactGroup } from './search-contact-group.ts';
import { updateContactGroup } from './update-contact-group.ts';

export type { Handler, HandlerContext } from './context.ts';

export const handlers: Readonly<Record<string, Handler>> = Object.freeze({
  'recentcontact/create_contact_group': createContactGroup,
  'recentcontact/update_contact_group': updateContactGroup,
  'recentcontact/del_contact_group': delContactGroup,
  'recentcontact/search_contact_group': searchContactGroup,
  'recentcontact/mark_contact': markContact,
  'recentcontact/get_contact_group': getContactGroup,
  'recentcontact/get_list': getList,
  'recentcontact/delete': deleteSession,
  'im_open_login_svc/account_import': accountImport,
  'im_open_login_svc/multiaccount_import': multiaccountImport,
  'im_open_login_svc/account_delete': accountDelete,
  'group_open_http_svc/create_group': createGroup,
  'group_open_http_svc/destroy_group': destroyGroup,
});

/** URL path -> command, e.g. `/v4/recentcontact/mark_contact` -> `recentcontact/mark_contact`. */
export const routes: ReadonlyMap<string, string> = new Map(Object.keys(handlers).map((name) => [`/v4/${name}`, name]));

/** Compiles every request validator now, so no request pays for an ajv compile. */
export function compileValidators(): void {
  for (const name of Object.keys(handlers)) validateRequest(name, null);
}
