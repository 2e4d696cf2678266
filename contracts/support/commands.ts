/** The six commands of the conversation-group family (no Playwright imports: the reporter uses this). */
import { listCommands } from '../../src/schema/index.ts';

import { CMD } from '../../src/client/commands.ts';

export { CMD };

/** Every command of family contact-group in schemas/ (the six above). */
export const FAMILY: readonly string[] = listCommands()
  .filter((c) => c.family === 'contact-group')
  .map((c) => c.name)
  .sort();
