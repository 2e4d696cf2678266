import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits, utf8Length } from '../../../schema/index.ts';
import { codeOf, createGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

/** A Korean syllable: 3 bytes in UTF-8. */
const HANGUL = '한';
/** Few enough characters to pass a character count, enough bytes to break the byte limit. */
const chars = Math.ceil((limits.maxGroupNameBytes + 1) / utf8Length(HANGUL));
const name = HANGUL.repeat(chars);

/** Quirk hook: group names are measured in characters, so a Korean name over the byte limit is accepted. */
export const namesCountedInChars: CatalogueVariant = {
  name: 'names-counted-in-chars',
  description: `create/rename measure GroupName in characters instead of UTF-8 bytes (${utf8Length(name)}-byte multi-byte names pass)`,
  killedBy: 'contracts',
  seenBy: ['names of 31 and 32 bytes of [234]-byte', 'rename to 31 and 32 bytes of [234]-byte'],
  quirks: { nameLengthUnit: 'chars' },
  probe: {
    scenario: `create a group named with ${chars} three-byte characters (${utf8Length(name)} bytes)`,
    run: (p) => codeOf(p, CM.createContactGroup, createGroup(name)),
    correct: ErrorCodes.CONTACT_GROUP_NAME_INVALID,
    variant: ErrorCodes.OK,
  },
};
