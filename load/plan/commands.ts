/** The six load-tested commands (v4/recentcontact/…), their short aliases and the documented ceiling. */
import { aliasOf, CMD } from '../../src/client/commands.ts';
import { ConfigError } from '../../src/client/config.ts';
import { limits } from '../../src/schema/index.ts';

/** The load-tested commands by their aliases (the client's CMD table), in canonical order. */
const LOAD_ALIASES = ['get', 'search', 'mark', 'update', 'create', 'del'] as const;

export type LoadCommand = (typeof CMD)[(typeof LOAD_ALIASES)[number]];

export const LOAD_COMMANDS: readonly LoadCommand[] = LOAD_ALIASES.map((a) => CMD[a]);

/** `--commands` aliases: the CMD entries of the load-tested commands. */
export const ALIASES: Readonly<Record<string, LoadCommand>> = Object.freeze(Object.fromEntries(LOAD_ALIASES.map((a) => [a, CMD[a]])));

/** The alias of a load command (ALIASES), e.g. `get` for recentcontact/get_contact_group. */
export const commandAlias = (c: LoadCommand): string => aliasOf(c);

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
