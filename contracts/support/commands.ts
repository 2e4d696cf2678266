/** The six commands of the conversation-group family (no Playwright imports: the reporter uses this). */
import { listCommands } from '../../src/schema/index.ts';

export const CMD = {
  create: 'recentcontact/create_contact_group',
  update: 'recentcontact/update_contact_group',
  del: 'recentcontact/del_contact_group',
  search: 'recentcontact/search_contact_group',
  mark: 'recentcontact/mark_contact',
  get: 'recentcontact/get_contact_group',
} as const;

/** Every command of family contact-group in schemas/ (the six above). */
export const FAMILY: readonly string[] = listCommands()
  .filter((c) => c.family === 'contact-group')
  .map((c) => c.name)
  .sort();
