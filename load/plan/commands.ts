/** The six load-tested commands (v4/recentcontact/…), their short aliases and the documented ceiling. */
import { ConfigError } from '../../src/client/config.ts';
import { limits } from '../../src/schema/index.ts';

export const LOAD_COMMANDS = [
  'recentcontact/get_contact_group',
  'recentcontact/search_contact_group',
  'recentcontact/mark_contact',
  'recentcontact/update_contact_group',
  'recentcontact/create_contact_group',
  'recentcontact/del_contact_group',
] as const;

export type LoadCommand = (typeof LOAD_COMMANDS)[number];

export const ALIASES: Readonly<Record<string, LoadCommand>> = Object.freeze({
  get: 'recentcontact/get_contact_group',
  search: 'recentcontact/search_contact_group',
  mark: 'recentcontact/mark_contact',
  update: 'recentcontact/update_contact_group',
  create: 'recentcontact/create_contact_group',
  del: 'recentcontact/del_contact_group',
});

/** Short name of a command, e.g. `get` for recentcontact/get_contact_group. */
export const shortName = (c: LoadCommand): string => Object.entries(ALIASES).find(([, v]) => v === c)?.[0] ?? c;

/** Documented maximum call frequency of each of the six commands (schemas/limits.json). */
export const DOCUMENTED_CEILING: number = limits.rateLimitPerSecond;

/** A bad load option or environment value: exit code 2, nothing judged. */
export class LoadConfigError extends ConfigError {
  override name = 'LoadConfigError';
}

/** Parses `a,b` (aliases or full names, `v4/` prefix allowed) into commands in canonical order. */
export function parseCommandList(value: string | undefined): LoadCommand[] {
  if (value === undefined || value.trim() === '' || value.trim() === 'all') return [...LOAD_COMMANDS];
  const picked = new Set<LoadCommand>();
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const name = raw.replace(/^\/?v4\//, '');
    const c = ALIASES[name] ?? (LOAD_COMMANDS as readonly string[]).find((x) => x === name || x.endsWith(`/${name}`));
    if (!c) throw new LoadConfigError(`--commands: unknown command "${raw}"; use ${Object.keys(ALIASES).join(', ')} or full names like ${LOAD_COMMANDS[0]}`);
    picked.add(c as LoadCommand);
  }
  return LOAD_COMMANDS.filter((c) => picked.has(c));
}
