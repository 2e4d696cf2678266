import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { bytes, codeOf, createGroup } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooLong = limits.maxGroupNameBytes + 1;

/** Config hook: create_contact_group allows names one byte too long (rename keeps its own limit). */
export const groupNameLimit33: CatalogueVariant = {
  name: 'group-name-limit-33',
  description: `create_contact_group accepts a ${oneTooLong}-byte GroupName instead of answering ${ErrorCodes.CONTACT_GROUP_NAME_INVALID} above ${limits.maxGroupNameBytes} bytes`,
  killedBy: 'contracts',
  seenBy: ['create: names of 31 and 32 bytes of 1-byte'],
  config: { limits: { maxGroupNameBytes: oneTooLong } },
  probe: {
    scenario: `create a group with a ${oneTooLong}-byte name`,
    run: (p) => codeOf(p, CM.createContactGroup, createGroup(bytes(oneTooLong))),
    correct: ErrorCodes.CONTACT_GROUP_NAME_INVALID,
    variant: ErrorCodes.OK,
  },
};
