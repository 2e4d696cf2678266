import { rules } from '../../../rules/index.ts';
import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { ErrorCodes } from '../../../errors/index.ts';
import { limits } from '../../../schema/index.ts';
import { bytes, c2c, codeOf, mark } from '../probe/index.ts';
import type { CatalogueVariant } from '../types.ts';

const oneTooLong = limits.maxCustomMarkBytes + 1;

/** Config hook: CustomMark may be one byte longer than the documented maximum. */
export const customMarkLimit257: CatalogueVariant = {
  name: 'custom-mark-limit-257',
  description: `mark_contact accepts a ${oneTooLong}-byte CustomMark instead of answering ${rules.maxCustomMarkBytes.code} above ${limits.maxCustomMarkBytes} bytes`,
  killedBy: 'contracts',
  seenBy: ['CustomMark of 256 bytes'],
  config: { limits: { maxCustomMarkBytes: oneTooLong } },
  probe: {
    scenario: `mark a ${oneTooLong}-byte CustomMark`,
    run: (p) => codeOf(p, CM.markContact, mark([{ OptType: 2, ContactItem: c2c('p'), CustomMark: bytes(oneTooLong) }])),
    correct: rules.maxCustomMarkBytes.code,
    variant: ErrorCodes.OK,
  },
};
