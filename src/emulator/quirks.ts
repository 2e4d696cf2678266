/** Correct behaviour: every quirk off. Variants switch single quirks on. */
import { utf8Length } from '../schema/index.ts';
import type { Quirks } from './types.ts';

export const DEFAULT_QUIRKS: Readonly<Quirks> = Object.freeze({
  nameLengthUnit: 'bytes',
  acceptExpiredUserSig: false,
  acceptWrongKeyUserSig: false,
  acceptNonAdmin: false,
  keepGroupIdsOnDelete: false,
  ignoreStartIndex: false,
  ignoreClearMark: false,
  markBitOffset: 0,
  customMarkTruncateBytes: 0,
  codeRemap: Object.freeze({}) as Record<number, number>,
  deleteDoesNotDelete: false,
});

export const makeQuirks = (q: Partial<Quirks> | undefined): Quirks => ({ ...DEFAULT_QUIRKS, ...q });

/** Length of a group name as the emulator counts it (quirk `nameLengthUnit`). */
export const nameLength = (q: Quirks, name: string): number =>
  q.nameLengthUnit === 'chars' ? [...name].length : utf8Length(name);

/** The code the emulator answers for `code` (quirk `codeRemap`), top-level and per item. */
export const remapCode = (q: Quirks, code: number): number => q.codeRemap[code] ?? code;

/** Cuts a custom mark to N UTF-8 bytes (quirk `customMarkTruncateBytes`, 0 = off). */
export function storedCustomMark(q: Quirks, mark: string): string {
  const n = q.customMarkTruncateBytes;
  if (n <= 0 || utf8Length(mark) <= n) return mark;
  return Buffer.from(mark, 'utf8').subarray(0, n).toString('utf8').replace(/\uFFFD+$/, '');
}
