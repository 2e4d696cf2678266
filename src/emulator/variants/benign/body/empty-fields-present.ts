import type { BenignVariant } from '../../../types.ts';

/** Empty values present instead of omitted. */
export const emptyFieldsPresent: BenignVariant = {
  name: 'empty-fields-present',
  description: 'a conversation without marks, custom mark or groups still carries StandardMark ("0"), CustomMark ("") and ContactGroupId ([]) (the default: omitted)',
  kind: 'benign',
  config: { choices: { emptyFields: 'present' } },
  docs: 'the get_contact_group sample omits CustomMark/ContactGroupId where a conversation has none; no doc says an empty value must be omitted',
};
