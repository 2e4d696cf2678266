/**
 * Run-scoped names: every account, conversation group and IM group the run creates carries the run id,
 * and accounts also the worker's parallelIndex, so tests never touch data they did not create.
 */
import { ConfigError } from '../../src/core/config-error.ts';
import { rules } from '../../src/rules/index.ts';
import { utf8Length } from '../../src/schema/index.ts';

const MAX_USER_ID = rules.maxUserIdBytes.limit;
const MAX_GROUP_NAME = rules.maxGroupNameBytes.limit;

/** An owner account (imported): `tc-<run>-p<parallelIndex>-<n>`. */
export const accountName = (runId: string, parallelIndex: number, n: number): string => `tc-${runId}-p${parallelIndex}-${n}`;
/** The setup project's probe account (imported, never in a pool): `tc-<run>-probe`. */
export const probeName = (runId: string): string => `tc-${runId}-probe`;
/** A conversation peer (C2C To_Account); peers are never imported and never used as From_Account. */
export const peerName = (runId: string, k: number | string): string => `tc-${runId}-u${k}`;
/** An account that is never imported (50001); cut to the UserID limit (the name is ASCII: characters are bytes). */
export const ghostName = (runId: string, label: string): string => `tc-${runId}-ghost-${label}`.slice(0, MAX_USER_ID);
/** A custom IM group id. */
export const imGroupId = (runId: string, label: string): string => `tc-${runId}-g${label}`;

/** A conversation group name: `<run>-<label>`, within the GroupName limit. */
export function groupName(runId: string, label: string): string {
  const name = `${runId}-${label}`;
  if (utf8Length(name) > MAX_GROUP_NAME) throw new ConfigError(`group name "${name}" would exceed ${MAX_GROUP_NAME} bytes; shorten the label`);
  return name;
}

/** Characters of each UTF-8 width, for byte-boundary names. */
export const CHAR_OF_WIDTH = { 1: 'a', 2: 'é', 3: '한', 4: '😀' } as const;
export type CharWidth = keyof typeof CHAR_OF_WIDTH;

/**
 * A name of exactly `total` UTF-8 bytes: the run prefix, ASCII padding, then as many characters of the
 * given width as fit, so the last character (the one that crosses a limit) is a wide one.
 */
export function nameOfBytes(runId: string, total: number, width: CharWidth): string {
  const prefix = `${runId}-`;
  const room = total - utf8Length(prefix);
  if (room < width) throw new RangeError(`cannot build a ${total}-byte name of ${width}-byte characters after "${prefix}"`);
  const wide = Math.floor(room / width);
  const name = prefix + 'x'.repeat(room - wide * width) + CHAR_OF_WIDTH[width].repeat(wide);
  if (utf8Length(name) !== total) throw new Error(`nameOfBytes produced ${utf8Length(name)} bytes, wanted ${total}`);
  return name;
}

/** A string of exactly `total` UTF-8 bytes mixing Korean and emoji (for CustomMark limits). */
export function textOfBytes(total: number): string {
  const unit = '대화🏷️'; // 3 + 3 + 4 + 3 (VS16) = 13 bytes
  let s = unit.repeat(Math.floor(total / utf8Length(unit)));
  while (utf8Length(s) + 3 <= total) s += '한';
  s += 'x'.repeat(total - utf8Length(s));
  if (utf8Length(s) !== total) throw new Error(`textOfBytes produced ${utf8Length(s)} bytes, wanted ${total}`);
  return s;
}
