import type { BenignVariant, Fault } from '../../../types.ts';

/** The family's writes: a 502 after one of them was applied must not fail a contract. */
export const WRITE_COMMANDS = [
  'recentcontact/create_contact_group',
  'recentcontact/update_contact_group',
  'recentcontact/del_contact_group',
  'recentcontact/mark_contact',
] as const;
const BEFORE = 1 / 20;
const AFTER = 1 / 50;

const faults: Fault[] = [
  { command: '*', kind: 'http502', probability: BEFORE },
  ...WRITE_COMMANDS.map((command): Fault => ({ command, kind: 'http502-after', probability: AFTER })),
];

/** A gateway that sometimes answers 502: before the server saw the call, or after it applied a write. */
export const transient502: BenignVariant = {
  name: 'transient-502',
  description: 'one call in 20 is answered 502 before the server sees it; one write in 50 is applied, then answered 502',
  kind: 'benign',
  config: { faults },
  docs: 'HTTP status is 200 for API answers; a 502 comes from the gateway in front of the service and may hide an applied write',
};
