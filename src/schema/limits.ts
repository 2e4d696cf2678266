/** Every documented limit, read from the schemas (request-shape limits) and schemas/limits.json (state/traffic rules). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getRegistry } from './validate.ts';
import { SchemaError, SCHEMA_BASE_ID } from './registry.ts';

function at(schemaFile: string, pointer: string): number {
  const id = `${SCHEMA_BASE_ID}${schemaFile}`;
  let node: unknown = getRegistry().raw.get(id);
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'number') throw new SchemaError(`limit expected at ${schemaFile}#${pointer} is missing`);
  return node;
}

const file = fileURLToPath(new URL('../../schemas/limits.json', import.meta.url));
const stateLimits = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { value: number }>;
const state = (name: string): number => {
  const v = stateLimits[name]?.value;
  if (typeof v !== 'number') throw new SchemaError(`schemas/limits.json: ${name}.value is missing`);
  return v;
};

export interface Limits {
  maxMarkItems: number;
  maxSearchItems: number;
  maxGroupNameBytes: number;
  maxCustomMarkBytes: number;
  maxMarkBit: number;
  maxUserIdBytes: number;
  maxAccountsPerImport: number;
  maxAccountsPerDelete: number;
  maxGroupsPerUser: number;
  maxConversationsWithData: number;
  rateLimitPerSecond: number;
  defaultPageSize: number;
  maxBodyBytes: number;
}

export const limits: Readonly<Limits> = Object.freeze({
  maxMarkItems: at('commands/recentcontact/mark_contact.json', '/definitions/Request/properties/MarkItem/maxItems'),
  maxSearchItems: at('commands/recentcontact/search_contact_group.json', '/definitions/Request/properties/ContactItem/maxItems'),
  maxGroupNameBytes: at('common.json', '/definitions/GroupName/maxBytes'),
  maxCustomMarkBytes: at('common.json', '/definitions/CustomMark/maxBytes'),
  maxMarkBit: at('common.json', '/definitions/MarkBit/maximum'),
  maxUserIdBytes: at('common.json', '/definitions/UserID/maxBytes'),
  maxAccountsPerImport: at('commands/im_open_login_svc/multiaccount_import.json', '/definitions/Request/properties/AccountList/maxItems'),
  maxAccountsPerDelete: at('commands/im_open_login_svc/account_delete.json', '/definitions/Request/properties/DeleteItem/maxItems'),
  maxGroupsPerUser: state('maxGroupsPerUser'),
  maxConversationsWithData: state('maxConversationsWithData'),
  rateLimitPerSecond: state('rateLimitPerSecond'),
  defaultPageSize: state('defaultPageSize'),
  maxBodyBytes: state('maxBodyBytes'),
});
